/**
 * @module Debian's nginx for tests: the site configuration of docs/nginx/newsdesk.conf, with only its
 * ports and file paths swapped, run in the foreground on 127.0.0.1 with a throwaway certificate.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stopChild } from "./child-exit.ts";

/** Where Debian's `nginx` package puts the server; .ci/run installs it there. */
export const NGINX_PATH = "/usr/sbin/nginx";
/** The certificate is made with the openssl command (Debian's `openssl` package). */
export const OPENSSL_PATH = "/usr/bin/openssl";
/** The configuration the deployment guide tells operators to install. */
export const SITE_CONF_PATH = join(import.meta.dirname, "..", "..", "docs", "nginx", "newsdesk.conf");

/**
 * Why the nginx suite should skip, or undefined to run it. Only a developer machine without nginx
 * skips; under CI a missing nginx must fail, so the caller gets no reason and the start throws.
 */
export function nginxSkipReason(): string | undefined {
  if ((existsSync(NGINX_PATH) && existsSync(OPENSSL_PATH)) || process.env.CI) return undefined;
  return `${NGINX_PATH} or ${OPENSSL_PATH} is missing: install them with "apt-get install nginx openssl" to run the reverse-proxy test`;
}

/** Where the test's nginx listens and finds its files, in place of the guide's. */
export interface SitePlaces {
  /** Port of `newsdesk serve` on 127.0.0.1 (the guide's 8080). */
  appPort: number;
  /** Plain HTTP (the guide's 80). */
  httpPort: number;
  /** HTTPS (the guide's 443). */
  httpsPort: number;
  certFile: string;
  keyFile: string;
  /** certbot's webroot (the guide's /var/www/html). */
  acmeRoot: string;
}

/** Replaces `from` in `text`, which must hold it exactly `times` times: a guide that changed fails here, loudly. */
function swap(text: string, from: string, to: string, times = 1): string {
  const found = text.split(from).length - 1;
  if (found !== times)
    throw new Error(`docs/nginx/newsdesk.conf: expected "${from}" ${times} time(s), found ${found}`);
  return text.split(from).join(to);
}

/**
 * The guide's site configuration for the test: every directive as written, with the upstream's port,
 * the listening ports (on 127.0.0.1 only; the IPv6 listeners dropped), the certificate and the ACME
 * webroot swapped.
 */
export function siteConfForTest(conf: string, places: SitePlaces): string {
  let out = swap(conf, "server 127.0.0.1:8080;", `server 127.0.0.1:${places.appPort};`);
  out = swap(out, "listen [::]:80;\n", "");
  out = swap(out, "listen [::]:443 ssl http2;\n", "");
  out = swap(out, "listen 80;", `listen 127.0.0.1:${places.httpPort};`);
  out = swap(out, "listen 443 ssl http2;", `listen 127.0.0.1:${places.httpsPort} ssl http2;`);
  out = swap(out, "/etc/letsencrypt/live/news.example.org/fullchain.pem", places.certFile);
  out = swap(out, "/etc/letsencrypt/live/news.example.org/privkey.pem", places.keyFile);
  out = swap(out, "root /var/www/html;", `root ${places.acmeRoot};`);
  return out;
}

/** A self-signed certificate for localhost and 127.0.0.1 in `dir`; returns the files and the PEM to trust. */
export function makeCertificate(dir: string): { certFile: string; keyFile: string; cert: string } {
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  execFileSync(
    OPENSSL_PATH,
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return { certFile, keyFile, cert: readFileSync(certFile, "utf8") };
}

/** A port of 127.0.0.1 free right now (the OS picks it; nothing holds it afterwards). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface TestNginx {
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Runs nginx in the foreground with `siteConf` inside a minimal http {} block (what Debian's
 * nginx.conf gives a site: mime types, a default type), its pid, logs and temp files in `dir`.
 * Resolves once `port` accepts connections; throws with nginx's stderr if it does not start.
 */
export async function startNginx(dir: string, siteConf: string, port: number): Promise<TestNginx> {
  // Started as root, nginx runs its workers as another user (Debian has no "nobody" group).
  const root = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  if (root) chmodSync(dir, 0o755);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(join(dir, sub), { recursive: true });
  const confFile = join(dir, "nginx.conf");
  writeFileSync(
    confFile,
    `daemon off;
${root ? "user nobody nogroup;" : ""}
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${join(dir, "body")};
  proxy_temp_path ${join(dir, "proxy")};
  fastcgi_temp_path ${join(dir, "fastcgi")};
  uwsgi_temp_path ${join(dir, "uwsgi")};
  scgi_temp_path ${join(dir, "scgi")};
${siteConf}
}
`,
  );
  const child = spawn(NGINX_PATH, ["-p", dir, "-e", "stderr", "-c", confFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  child.once("error", (err) => {
    stderr += String(err);
  });
  const started = Date.now();
  while (!(await accepting(port))) {
    const gone = child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
    if (gone || Date.now() - started > 10_000) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await sleep(50);
  }
  return {
    child,
    stderr: () => stderr,
    async stop() {
      await stopChild(child);
    },
  };
}
