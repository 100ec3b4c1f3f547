// Starts the real chat server (`java -jar`) on a free port with a fresh data folder, waits until
// GET /health answers 200, and stops it again; restart() keeps the port and the data.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEALTH_TIMEOUT_MS = 90_000;
const HEALTH_POLL_MS = 250;
const STOP_TIMEOUT_MS = 15_000;

export class ChatServer {
  /** @type {import('node:child_process').ChildProcess | null} */
  #process = null;
  #log;

  /** @param {{ jar: string, logFile: string }} options */
  constructor({ jar, logFile }) {
    if (!existsSync(jar)) {
      throw new Error(`No server jar at ${jar}: build it (mvn -pl app -am package) or set CHAT_SERVER_JAR.`);
    }
    this.jar = jar;
    this.#log = createWriteStream(logFile, { flags: 'w' });
    this.port = 0;
    this.dataDir = '';
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    this.port ||= await freePort();
    this.dataDir ||= await mkdtemp(join(tmpdir(), 'jchat-e2e-'));
    this.#log.write(`--- starting on port ${this.port}, data in ${this.dataDir}\n`);
    const child = spawn('java', ['-jar', this.jar], {
      // every test user registers from this one address
      env: {
        ...process.env,
        PORT: String(this.port),
        CHAT_DATA_DIR: this.dataDir,
        CHAT_REGISTRATIONS_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(this.#log, { end: false });
    child.stderr.pipe(this.#log, { end: false });
    this.#process = child;
    await this.#healthy(child);
  }

  /** Stops the server gracefully (SIGTERM), or kills it when it does not go in time. */
  async stop() {
    const child = this.#process;
    this.#process = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  /** The last resort on process exit: synchronous, no waiting. */
  kill() {
    this.#process?.kill('SIGKILL');
  }

  async dispose() {
    await this.stop();
    this.#log.end();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  async #healthy(child) {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see its log`);
      const status = await fetch(`${this.url}/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
    throw new Error(`GET /health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
