import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

/** Why the sshfs suite cannot run here, or null when it can. */
export function sshfsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (!existsSync('/dev/fuse')) return '/dev/fuse is missing (no FUSE in this container)';
  for (const tool of ['/usr/bin/sshfs', '/usr/sbin/sshd', '/usr/bin/ssh-keygen'])
    if (!existsSync(tool))
      return `${tool} is missing (apt-get install -y sshfs openssh-server openssh-client)`;
  if (!existsSync('/usr/bin/fusermount') && !existsSync('/usr/bin/fusermount3'))
    return 'fusermount is missing';
  return null;
}

function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`sshd did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export type SshfsFixture = { mounts: string[]; stop: () => void };

/**
 * An sshd bound to 127.0.0.1 on a free-ish port with its own keys, and `count` sshfs mounts of
 * `folder` — two laptops looking at one share through a network file system with its caches.
 */
export async function mountSshfs(
  work: string,
  folder: string,
  count: number,
): Promise<SshfsFixture> {
  const keys = path.join(work, 'ssh');
  mkdirSync(keys, { recursive: true });
  const hostKey = path.join(keys, 'host_ed25519');
  const userKey = path.join(keys, 'id_ed25519');
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', userKey]);
  const authorized = path.join(keys, 'authorized_keys');
  execFileSync('/bin/cp', [`${userKey}.pub`, authorized]);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const config = path.join(keys, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorized}`,
      `PidFile ${path.join(keys, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  try {
    mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory (as root)
  } catch {
    // Not root: sshd runs without privilege separation and does not need it.
  }
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {
    stdio: 'ignore',
  });
  const mounts: string[] = [];
  const stop = () => {
    for (const mount of mounts) {
      try {
        execFileSync('fusermount', ['-u', '-z', mount]);
      } catch {
        // Already gone.
      }
    }
    sshd.kill();
  };
  try {
    await waitForPort(port, 5000);
    const user = execFileSync('/usr/bin/id', ['-un']).toString().trim();
    for (let i = 0; i < count; i++) {
      const mount = path.join(work, `mount-${i}`);
      mkdirSync(mount, { recursive: true });
      execFileSync('/usr/bin/sshfs', [
        '-p',
        String(port),
        '-o',
        [
          `IdentityFile=${userKey}`,
          'StrictHostKeyChecking=no',
          'UserKnownHostsFile=/dev/null',
          'BatchMode=yes',
          'LogLevel=ERROR',
        ].join(','),
        `${user}@127.0.0.1:${folder}`,
        mount,
      ]);
      mounts.push(mount);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { mounts, stop };
}
