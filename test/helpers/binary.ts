/** A supertest parser keeping the body as its bytes (`.buffer(true).parse(binary)`): PDFs, XLSX, CSV with its BOM. */
export function binary(
  res: { on: (e: string, cb: (chunk?: Buffer) => void) => void },
  cb: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
