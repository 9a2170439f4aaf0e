import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

/**
 * The plainest static host, for the e2e tests: serves a folder (the build), sets Content-Type and
 * nothing else (no COOP/COEP, no CSP, no caching headers), 404 for a missing file. Like Node's http
 * server (and `vite preview`) it answers 431 to a request whose head is over 16 KB.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
}

export interface StaticServer {
  /** http://127.0.0.1:port (a secure context, like localhost, so service workers run) */
  url: string
  /** paths requested, in order (without the query) */
  requests: string[]
  /** the next request whose path matches gets this status instead of the file, once */
  failOnce(path: RegExp, status: number): void
  close(): Promise<void>
}

export async function startStaticServer(root: string, port: number): Promise<StaticServer> {
  const dir = resolve(root)
  const requests: string[] = []
  const failures: { path: RegExp; status: number }[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    requests.push(path)
    const failure = failures.findIndex((f) => f.path.test(path))
    if (failure >= 0) {
      res.writeHead(failures[failure].status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`error ${failures[failure].status} (on purpose)`)
      failures.splice(failure, 1)
      return
    }
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path)
    if (!file.startsWith(dir + sep) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found'),
    )
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok())
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failOnce: (path, status) => void failures.push({ path, status }),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy() // keep-alive connections too: the host is gone
        server.close(() => ok())
      }),
  }
}
