import { createHash } from 'node:crypto';
import { DEMO_PASSWORD, hashPassword } from '../features/app/passwords';
import { givenNameChars, surnames } from './names';
import { rowMeta, type DemoPart, type DemoUser, type DemoWorld } from './world';

/** A two- or three-character Chinese name, unique within `taken`. */
export function personName(world: DemoWorld, taken: Set<string>): string {
  for (;;) {
    const given = world.rng.chance(0.7)
      ? world.rng.pick(givenNameChars) + world.rng.pick(givenNameChars)
      : world.rng.pick(givenNameChars);
    const name = world.rng.pick(surnames) + given;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function mobile(world: DemoWorld): string {
  return `1${world.rng.pick(['35', '36', '38', '39', '50', '58', '86', '88', '77'])}${String(world.rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Teams, their managers and reps (and, for the large demo, a sales director). */
export const peoplePart: DemoPart = {
  name: 'people',
  tables: ['teams', 'users'],
  run(world, out) {
    const names = new Set<string>();
    const founded = world.start;
    let parentId: string | null = null;
    let email = 0;
    // Everyone signs in with the demo password (README); one hash, salted from the seed.
    // (The salt does not draw on world.rng, so the rest of the demo is as before for a seed.)
    const salt = createHash('sha256')
      .update(`pacer-demo-salt-${world.seed}`)
      .digest()
      .subarray(0, 16);
    const passwordHash = hashPassword(DEMO_PASSWORD, salt);
    const addUser = (role: DemoUser['role'], teamId: string, regions: string[]): DemoUser => {
      email += 1;
      const user: DemoUser = {
        id: world.idAt(founded),
        name: personName(world, names),
        role,
        teamId,
        regions,
      };
      out.insert('users', {
        id: user.id,
        name: user.name,
        role,
        team_id: teamId,
        active: 1,
        phone: mobile(world),
        email: `user${String(email).padStart(2, '0')}@demo.pacer.example`,
        password_hash: passwordHash,
        ...rowMeta(founded),
      });
      world.users.push(user);
      return user;
    };

    if (world.plan.parentTeam) {
      parentId = world.idAt(founded);
      const director = addUser('admin', parentId, []);
      out.insert('teams', {
        id: parentId,
        name: world.plan.parentTeam,
        manager_id: director.id,
        parent_id: null,
        ...rowMeta(founded),
      });
    }
    for (const plan of world.plan.teams) {
      const teamId = world.idAt(founded);
      const manager = addUser('manager', teamId, plan.regions);
      out.insert('teams', {
        id: teamId,
        name: plan.name,
        manager_id: manager.id,
        parent_id: parentId,
        ...rowMeta(founded),
      });
      for (let i = 0; i < plan.reps; i++) addUser('rep', teamId, plan.regions);
    }
  },
};

export { mobile };
