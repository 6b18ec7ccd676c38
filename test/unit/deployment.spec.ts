import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_VARIABLES } from '../../src/config/config.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('.env.example', () => {
  it('lists every variable the portal reads, and only those, each with a comment', () => {
    const lines = read('.env.example').split('\n');
    const listed = lines.filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.split('=')[0]);
    expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
    for (const name of listed) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(
        lines
          .slice(0, at)
          .reverse()
          .find((l) => l.trim() !== '' && !/^[A-Z][A-Z0-9_]*=/.test(l)),
        name,
      ).toMatch(/^#/);
    }
  });
});

describe('docker/compose.yaml', () => {
  const compose = parse(read('docker/compose.yaml')) as {
    services: Record<
      string,
      {
        deploy?: { replicas?: number };
        ports?: string[];
        environment?: Record<string, string>;
        depends_on?: Record<string, unknown>;
        build?: { dockerfile?: string };
      }
    >;
  };

  it('runs two app replicas behind a reverse proxy over PostgreSQL', () => {
    const { app, proxy, postgres } = compose.services;
    expect(app.deploy?.replicas).toBe(2);
    expect(app.build?.dockerfile).toBe('docker/Dockerfile');
    expect(app.ports).toBeUndefined();
    expect(proxy.ports?.length).toBeGreaterThan(0);
    expect(Object.keys(proxy.depends_on ?? {})).toContain('app');
    expect(Object.keys(app.depends_on ?? {})).toContain('postgres');
    expect(postgres).toBeDefined();
  });

  it('gives the app only variables it knows', () => {
    for (const name of Object.keys(compose.services.app.environment ?? {})) expect(ENV_VARIABLES).toContain(name);
  });
});
