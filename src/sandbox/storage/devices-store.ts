// The devices a user is signed in on (GET /users/{u}/resources), as the control API connects
// them. A trigger keeps them in step with the user's online flag: whatever takes a user offline
// (disconnect, deactivate, the control API) signs it out of every device, with no change to the
// code that does it.
import type { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  res TEXT NOT NULL,
  device_uuid TEXT NOT NULL,
  device_name TEXT NOT NULL,
  connected INTEGER NOT NULL,
  PRIMARY KEY (user_seq, res)
);
CREATE TRIGGER IF NOT EXISTS devices_follow_online AFTER UPDATE OF online ON users
  WHEN NEW.online = 0
  BEGIN DELETE FROM devices WHERE user_seq = NEW.seq; END;
`;

export interface Device {
  res: string;
  device_uuid: string;
  device_name: string;
}

export function createDevicesStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const connect = db.prepare(
    'INSERT INTO devices (user_seq, res, device_uuid, device_name, connected) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (user_seq, res) DO UPDATE SET device_uuid = excluded.device_uuid, device_name = excluded.device_name, connected = excluded.connected',
  );
  const list = db.prepare('SELECT res, device_uuid, device_name FROM devices WHERE user_seq = ? ORDER BY connected, res');
  const remove = db.prepare('DELETE FROM devices WHERE user_seq = ? AND res = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM devices WHERE user_seq = ?');

  return {
    connect(userSeq: number, device: Device, now: number): void {
      connect.run(userSeq, device.res, device.device_uuid, device.device_name, now);
    },
    list(userSeq: number): Device[] {
      return list.all(userSeq) as unknown as Device[];
    },
    /** Answers whether the user was signed in on that device. */
    remove(userSeq: number, res: string): boolean {
      return Number(remove.run(userSeq, res).changes) > 0;
    },
    count(userSeq: number): number {
      return Number((count.get(userSeq) as { n: number }).n);
    },
  };
}

export type DevicesStore = ReturnType<typeof createDevicesStore>;
