/** PostgreSQL's unique_violation, with the constraint or index that was hit. */
export function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const driver = e?.driverError ?? e;
  return driver?.code === '23505' ? (driver.constraint ?? '') : undefined;
}
