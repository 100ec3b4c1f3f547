-- PROTOCOL.md 1.1: every message has its position in its room, seq 1, 2, 3... with no holes. The
-- room's row, which writers lock already (see AppendTransaction), keeps the last one handed out.

ALTER TABLE rooms ADD COLUMN last_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN seq BIGINT;

-- The messages stored before numbered in id order, which is their order in the room.
UPDATE messages SET seq = (SELECT COUNT(*) FROM messages earlier WHERE earlier.room = messages.room AND earlier.id <= messages.id);
UPDATE rooms SET last_seq = (SELECT COALESCE(MAX(seq), 0) FROM messages WHERE messages.room = rooms.name);

ALTER TABLE messages ALTER COLUMN seq SET NOT NULL;
-- No two messages of a room share a position, on any instance.
ALTER TABLE messages ADD CONSTRAINT messages_room_seq UNIQUE (room, seq);
