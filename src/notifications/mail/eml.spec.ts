import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { readEml } from './eml.js';

/** A message exactly as nodemailer would send it, without sending it. */
async function compose(
  mail: { subject: string; text: string; html?: string; to?: string; from?: string },
  newline: 'unix' | 'windows' = 'windows',
) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline });
  const info = await transport.sendMail({
    from: mail.from ?? '"Cổng dịch vụ công" <no-reply@localhost>',
    to: mail.to ?? 'an@example.vn',
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: new Date('2026-03-02T02:00:00Z'),
    messageId: '<outbox-7.abc@example.gov.vn>',
  });
  return info.message as Buffer;
}

describe('readEml', () => {
  it('reads back a Vietnamese subject split over several encoded words, and the plain text', async () => {
    const subject = `Hồ sơ H12.05-251121-0007 đã được tiếp nhận — hạn trả kết quả ${'rất dài '.repeat(12)}/ Dossier received`;
    const text =
      'Hạn trả kết quả: 25/11/2025 09:00.\n\nXem hồ sơ: https://dichvucong.example.gov.vn/dossiers/abc\n— English —\nResult due.';
    const mail = readEml(await compose({ subject, text }));
    expect(mail).toEqual({
      subject,
      from: 'Cổng dịch vụ công <no-reply@localhost>',
      to: 'an@example.vn',
      date: new Date('2026-03-02T02:00:00Z'),
      messageId: '<outbox-7.abc@example.gov.vn>',
      text,
    });
  });

  it('reads long mostly-ASCII text (quoted-printable with soft line breaks), with either line ending', async () => {
    const text = `${'Processing of dossier H12.05-251121-0007 has been stopped. '.repeat(6)}\nLý do: quá hạn = 15 ngày.`;
    for (const newline of ['unix', 'windows'] as const) {
      expect(readEml(await compose({ subject: 'Stopped', text }, newline)).text).toBe(text);
    }
  });

  it('takes the plain-text part of a multipart message', async () => {
    const mail = readEml(await compose({ subject: 'Kết quả', text: 'Đã có kết quả.', html: '<p>Đã có <b>kết quả</b>.</p>' }));
    expect(mail.text).toBe('Đã có kết quả.');
    expect(mail.subject).toBe('Kết quả');
  });

  it('copes with a bare message: no date, no encoding, no body', () => {
    expect(readEml('Subject: hello\r\nTo: x@y.vn\r\n\r\nplain body\r\n')).toEqual({
      subject: 'hello',
      from: '',
      to: 'x@y.vn',
      date: null,
      messageId: '',
      text: 'plain body',
    });
    expect(readEml('Subject: only headers').text).toBe('');
  });
});
