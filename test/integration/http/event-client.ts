import http from 'node:http';
import { TEST_TOKEN } from './http-fixture.js';

export interface EventClient {
  /** Resolves with the first event of that name whose data passes `match`. */
  next(event: string, match?: (data: unknown) => boolean): Promise<unknown>;
  raw(): string;
  close(): void;
}

/** Opens `/events` and parses the SSE frames as they arrive. */
export function openEvents(port: number, headers: Record<string, string> = { 'X-Api-Key': TEST_TOKEN }): Promise<EventClient> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/events', headers: { ...headers, Host: `127.0.0.1:${port}` }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`events answered ${res.statusCode}`));
        return;
      }
      let buffer = '';
      let all = '';
      const frames: { event: string; data: unknown }[] = [];
      const waiters: { event: string; match: (data: unknown) => boolean; resolve: (data: unknown) => void }[] = [];
      const settle = (): void => {
        for (const waiter of [...waiters]) {
          const index = frames.findIndex((frame) => frame.event === waiter.event && waiter.match(frame.data));
          if (index === -1) continue;
          const [frame] = frames.splice(index, 1);
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(frame?.data);
        }
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        all += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event !== undefined && data !== undefined) frames.push({ event, data: JSON.parse(data) as unknown });
          end = buffer.indexOf('\n\n');
        }
        settle();
      });
      resolve({
        next: (event, match = () => true) =>
          new Promise((done) => {
            waiters.push({ event, match, resolve: done });
            settle();
          }),
        raw: () => all,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
