// The comparison peer: the original proof of concept, Express 5 + Socket.IO 4 on Node.
// One room (everyone), `chat:send` validated (text of 1 to 2000 characters) and broadcast as
// `chat:new` to every socket, the newest messages kept in memory and sent as `chat:history` on
// connect. WebSocket transport only, as the load generator speaks it.
//
// PORT (3001) and HOST (127.0.0.1) choose where it listens. For the benchmark only:
// GET /bench/memory answers the process's memory (after a full GC with ?gc=1 when node runs with
// --expose-gc), the one thing /proc cannot tell about a V8 process: its heap.
'use strict';

const http = require('node:http');
const express = require('express');
const { Server } = require('socket.io');

const PORT = Number(process.env.PORT || 3001);
const HOST = process.env.HOST || '127.0.0.1';
const MAX_TEXT = 2000;
const MAX_HISTORY = 100;

const app = express();
const server = http.createServer(app);
const io = new Server(server, { transports: ['websocket'], serveClient: false });

const history = [];
let nextId = 1;

app.get('/health', (req, res) => {
  res.json({ status: 'ok', transport: 'socket.io', connections: io.engine.clientsCount });
});

app.get('/bench/memory', (req, res) => {
  if (req.query.gc === '1' && typeof global.gc === 'function') {
    global.gc();
  }
  const memory = process.memoryUsage();
  res.json({ rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external,
    arrayBuffers: memory.arrayBuffers, gc: typeof global.gc === 'function' });
});

function validText(text) {
  if (typeof text !== 'string' || text.trim().length === 0) {
    return false;
  }
  let codePoints = 0;
  for (const _ of text) {
    if (++codePoints > MAX_TEXT) {
      return false;
    }
  }
  return true;
}

io.on('connection', (socket) => {
  socket.emit('chat:history', history);

  socket.on('chat:send', (payload) => {
    const text = payload && payload.text;
    if (!validText(text)) {
      socket.emit('chat:error', { message: `text must be 1 to ${MAX_TEXT} characters` });
      return;
    }
    const user = typeof payload.user === 'string' && payload.user.length > 0 ? payload.user.slice(0, 32) : 'anonymous';
    const message = { id: nextId++, user, text, time: new Date().toISOString() };
    history.push(message);
    if (history.length > MAX_HISTORY) {
      history.shift();
    }
    io.emit('chat:new', message);
  });
});

server.listen(PORT, HOST, () => {
  console.log(`peer listening on http://${HOST}:${server.address().port}`);
});

function stop() {
  io.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
