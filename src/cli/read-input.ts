/** The most a hook reads from an agent: far beyond any tool call, short of exhausting memory. */
const MAX_INPUT = 32 * 1024 * 1024;

/** All of `stream` as UTF-8; rejects past MAX_INPUT. */
export function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > MAX_INPUT) reject(new Error(`the input is larger than ${MAX_INPUT} bytes`));
      else chunks.push(buf);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
