import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateAgencyDto } from '../agencies/agency.dto.js';
import { LoginDto, RegisterDto } from '../auth/auth.dto.js';
import { CreateUserDto } from '../users/user.dto.js';
import { Problem, type FieldError } from './problem.js';
import { validateInput } from './validation.js';

const register = {
  citizenId: '001090000123',
  fullName: 'Nguyễn Văn An',
  email: 'an.nguyen@example.vn',
  password: 'correct horse battery',
};

const staff = {
  email: 'chuyenvien@anphu.gov.vn',
  fullName: 'Trần Thị Bình',
  password: 'correct horse battery',
  roles: ['SPECIALIST'],
  agencyCode: 'H12.05',
};

const commune = { code: 'H12.05', name: 'UBND xã An Phú', level: 'COMMUNE', parentCode: 'H12' };

/** The Problem that validateInput rejects with (failing the test if it resolves). */
async function problemOf(cls: new () => object, input: unknown, prefix?: string): Promise<Problem> {
  const err: unknown = await validateInput(cls, input, prefix).then(
    (value) => new Error(`accepted: ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Problem);
  const problem = err as Problem;
  expect(problem.status).toBe(422);
  expect(problem.code).toBe('error.422');
  return problem;
}

async function errorsOf(cls: new () => object, input: unknown, prefix?: string): Promise<FieldError[]> {
  return (await problemOf(cls, input, prefix)).errors;
}

describe('validateInput: input that is not an object', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [register]],
    ['a string', JSON.stringify(register)],
    ['a number', 42],
    ['a boolean', true],
  ])('refuses %s with a 422 Problem', async (_label, input) => {
    expect(await errorsOf(RegisterDto, input)).toEqual([{ path: '$', code: 'validation.invalid' }]);
  });

  it('names the prefix as the path when one is given', async () => {
    expect(await errorsOf(RegisterDto, 'x', 'formData')).toEqual([{ path: 'formData', code: 'validation.invalid' }]);
  });
});

describe('validateInput with RegisterDto', () => {
  it('accepts a valid registration and returns an instance of the DTO', async () => {
    const dto = await validateInput(RegisterDto, register);
    expect(dto).toBeInstanceOf(RegisterDto);
    expect({ ...dto }).toEqual(register);
  });

  it('reports every missing field at once as required', async () => {
    expect(await errorsOf(RegisterDto, {})).toEqual([
      { path: 'citizenId', code: 'validation.isNotEmpty' },
      { path: 'fullName', code: 'validation.isNotEmpty' },
      { path: 'email', code: 'validation.isNotEmpty' },
      { path: 'password', code: 'validation.isNotEmpty' },
    ]);
  });

  it('reports every bad field at once, one message key each', async () => {
    const errors = await errorsOf(RegisterDto, {
      citizenId: '12345',
      fullName: 'Nguyễn Văn An',
      email: 'not-an-email',
      phone: '12',
      password: 'short',
      nickname: 'An',
    });
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'citizenId', code: 'validation.citizenId' },
        { path: 'email', code: 'validation.isEmail' },
        { path: 'phone', code: 'validation.phone' },
        { path: 'password', code: 'validation.password' },
        { path: 'nickname', code: 'validation.whitelistValidation' },
      ]),
    );
  });

  it('counts blank text as missing once trimmed', async () => {
    expect(await errorsOf(RegisterDto, { ...register, fullName: '   ' })).toEqual([{ path: 'fullName', code: 'validation.isNotEmpty' }]);
  });

  it('tells a value of the wrong type as such', async () => {
    expect(await errorsOf(RegisterDto, { ...register, fullName: 42 })).toEqual([{ path: 'fullName', code: 'validation.isString' }]);
    expect(await errorsOf(RegisterDto, { ...register, password: 1234567890 })).toEqual([{ path: 'password', code: 'validation.isString' }]);
  });

  it('refuses text that is too long', async () => {
    expect(await errorsOf(RegisterDto, { ...register, fullName: 'A'.repeat(201) })).toEqual([
      { path: 'fullName', code: 'validation.maxLength' },
    ]);
    expect(await errorsOf(RegisterDto, { ...register, password: 'p'.repeat(201) })).toEqual([
      { path: 'password', code: 'validation.maxLength' },
    ]);
  });

  it('prefixes the paths', async () => {
    expect(await errorsOf(RegisterDto, { ...register, email: 'x' }, 'formData')).toEqual([
      { path: 'formData.email', code: 'validation.isEmail' },
    ]);
  });

  it('trims, collapses spaces and NFC-normalises the name', async () => {
    const decomposed = 'Nguye\u0302\u0303n'; // e + combining circumflex + combining tilde
    expect(decomposed).not.toBe('Nguyễn');
    const dto = await validateInput(RegisterDto, { ...register, fullName: `  ${decomposed}   Văn\tAn ` });
    expect(dto.fullName).toBe('Nguyễn Văn An');
    expect(dto.fullName).toBe(dto.fullName.normalize('NFC'));
  });

  it('lower-cases and trims the email', async () => {
    const dto = await validateInput(RegisterDto, { ...register, email: '  An.Nguyen@Example.VN ' });
    expect(dto.email).toBe('an.nguyen@example.vn');
  });

  it('removes spaces, dots and dashes from the citizen ID and the phone number', async () => {
    const dto = await validateInput(RegisterDto, { ...register, citizenId: '001 090.000-123', phone: '091 234.56-78' });
    expect(dto.citizenId).toBe('001090000123');
    expect(dto.phone).toBe('0912345678');
  });

  it('treats an empty phone as not given, and accepts the +84 form', async () => {
    expect((await validateInput(RegisterDto, { ...register, phone: '' })).phone).toBeUndefined();
    expect((await validateInput(RegisterDto, { ...register, phone: '+84 912 345 678' })).phone).toBe('+84912345678');
  });

  it('does not let a __proto__ field pollute objects', async () => {
    const input: unknown = JSON.parse('{"__proto__": {"polluted": true}, "username": "a", "password": "b"}');
    const dto: unknown = await validateInput(LoginDto, input).catch(() => null);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((dto as Record<string, unknown> | null)?.polluted).toBeUndefined();
  });

  it('property: any 12-digit citizen ID is accepted, also with spaces, dots and dashes', async () => {
    const separator = fc.constantFrom('', '', '', ' ', '.', '-');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), separator), { minLength: 12, maxLength: 12 }), async (parts) => {
        const digits = parts.map(([d]) => d).join('');
        const typed = parts.map(([d, s]) => `${d}${s}`).join('');
        expect((await validateInput(RegisterDto, { ...register, citizenId: typed })).citizenId).toBe(digits);
      }),
    );
  });

  it('property: digits of any other length are refused as a citizen ID', async () => {
    const length = fc.integer({ min: 0, max: 30 }).filter((n) => n !== 12);
    const digits = length.chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
    await fc.assert(
      fc.asyncProperty(digits, async (citizenId) => {
        const code = citizenId === '' ? 'validation.isNotEmpty' : 'validation.citizenId';
        expect(await errorsOf(RegisterDto, { ...register, citizenId })).toEqual([{ path: 'citizenId', code }]);
      }),
    );
  });

  it('property: any name is stored trimmed, with single spaces and in NFC', async () => {
    const letter = fc.constantFrom('a', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'ễ', 'Ỹ', 'ạ', 'N', ' ', '\t');
    const name = fc.string({ unit: letter, minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(name, fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'), async (typed, form) => {
        const dto = await validateInput(RegisterDto, { ...register, fullName: typed.normalize(form) });
        expect(dto.fullName).toBe(typed.normalize('NFC').trim().replace(/\s+/g, ' '));
      }),
    );
  });
});

describe('validateInput with LoginDto', () => {
  it('accepts a username and password as typed', async () => {
    expect({ ...(await validateInput(LoginDto, { username: 'an@example.vn', password: 'x' })) }).toEqual({
      username: 'an@example.vn',
      password: 'x',
    });
  });

  it('requires both fields', async () => {
    expect(await errorsOf(LoginDto, { username: '', password: null })).toEqual([
      { path: 'username', code: 'validation.isNotEmpty' },
      { path: 'password', code: 'validation.isNotEmpty' },
    ]);
  });

  it('refuses unknown fields such as a role', async () => {
    expect(await errorsOf(LoginDto, { username: 'a', password: 'b', roles: ['ADMIN'] })).toEqual([
      { path: 'roles', code: 'validation.whitelistValidation' },
    ]);
  });
});

describe('validateInput with CreateUserDto', () => {
  it('accepts a staff account', async () => {
    const dto = await validateInput(CreateUserDto, { ...staff, email: 'ChuyenVien@AnPhu.gov.vn', citizenId: '', phone: '' });
    expect(dto.email).toBe('chuyenvien@anphu.gov.vn');
    expect(dto.citizenId).toBeUndefined();
    expect(dto.phone).toBeUndefined();
    expect(dto.roles).toEqual(['SPECIALIST']);
  });

  it('reports missing fields, including the roles, as required', async () => {
    expect(await errorsOf(CreateUserDto, {})).toEqual([
      { path: 'email', code: 'validation.isNotEmpty' },
      { path: 'fullName', code: 'validation.isNotEmpty' },
      { path: 'password', code: 'validation.isNotEmpty' },
      { path: 'roles', code: 'validation.isNotEmpty' },
    ]);
  });

  it('checks the roles', async () => {
    expect(await errorsOf(CreateUserDto, { ...staff, roles: [] })).toEqual([{ path: 'roles', code: 'validation.arrayNotEmpty' }]);
    expect(await errorsOf(CreateUserDto, { ...staff, roles: ['SPECIALIST', 'KING'] })).toEqual([
      { path: 'roles', code: 'validation.isIn' },
    ]);
    expect(await errorsOf(CreateUserDto, { ...staff, roles: 'ADMIN' })).toEqual([{ path: 'roles', code: 'validation.isArray' }]);
  });

  it('checks the optional citizen ID and phone when given', async () => {
    expect(await errorsOf(CreateUserDto, { ...staff, citizenId: '0010900001234', phone: '0123' })).toEqual([
      { path: 'citizenId', code: 'validation.citizenId' },
      { path: 'phone', code: 'validation.phone' },
    ]);
  });
});

describe('validateInput with CreateAgencyDto', () => {
  it('upper-cases and trims the codes', async () => {
    const dto = await validateInput(CreateAgencyDto, { ...commune, code: ' h12.05 ', parentCode: 'h12' });
    expect({ ...dto }).toEqual(commune);
  });

  it('treats an empty parent code as not given', async () => {
    const dto = await validateInput(CreateAgencyDto, { code: 'h12', name: 'Tỉnh An Phú', level: 'PROVINCE', parentCode: '' });
    expect(dto.parentCode).toBeUndefined();
  });

  it('reports every bad field at once', async () => {
    expect(await errorsOf(CreateAgencyDto, { code: 'H12 05', name: '', level: 'CITY', owner: 'me' })).toEqual(
      expect.arrayContaining([
        { path: 'code', code: 'validation.agencyCode' },
        { path: 'name', code: 'validation.isNotEmpty' },
        { path: 'level', code: 'validation.isIn' },
        { path: 'owner', code: 'validation.whitelistValidation' },
      ]),
    );
    expect(await errorsOf(CreateAgencyDto, {})).toEqual([
      { path: 'code', code: 'validation.isNotEmpty' },
      { path: 'name', code: 'validation.isNotEmpty' },
      { path: 'level', code: 'validation.isNotEmpty' },
    ]);
  });

  it('refuses a code longer than 40 characters', async () => {
    expect(await errorsOf(CreateAgencyDto, { ...commune, code: 'H'.repeat(41) })).toEqual([
      { path: 'code', code: 'validation.agencyCode' },
    ]);
    expect((await validateInput(CreateAgencyDto, { ...commune, code: 'h'.repeat(40) })).code).toBe('H'.repeat(40));
  });
});
