import { customerNameKey } from '../../shared/domain/customers';
import { addDays, effectiveGrade, grades, type Grade } from '../../shared/domain/grading';
import {
  brandChars,
  cities,
  companySuffixes,
  contactTitles,
  customerTags,
  industries,
  sources,
  streets,
} from './names';
import { mobile, personName } from './people';
import { rowMeta, type DemoPart, type DemoWorld } from './world';

function companyName(world: DemoWorld, city: string, words: string[], taken: Set<string>): string {
  for (;;) {
    const brand = world.rng.pick(brandChars) + world.rng.pick(brandChars);
    const name = `${city}${brand}${world.rng.pick(words)}${world.rng.pick(companySuffixes)}`;
    const key = customerNameKey(name);
    if (!taken.has(key) && brand[0] !== brand[1]) {
      taken.add(key);
      return name;
    }
  }
}

const overrideReasons = [
  '集团战略合作伙伴',
  '年度框架协议客户',
  '经营风险，暂停投入',
  '竞争对手控制，短期难突破',
];

/** Relationship and attractiveness scores: customers know us better than prospects; a few are ungraded or overridden. */
function gradeCustomer(world: DemoWorld, status: string, createdAt: Date) {
  if (world.rng.chance(0.12)) {
    return {
      relationship: null,
      attractiveness: null,
      grade_override: null,
      grade_override_reason: null,
      grade_reviewed_on: null,
      grade: null,
    };
  }
  const relationship =
    status === 'customer'
      ? world.rng.int(2, 5)
      : status === 'lost'
        ? world.rng.int(1, 2)
        : world.rng.int(1, 4);
  const attractiveness = world.rng.weighted([
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 25],
    [5, 15],
  ] as const);
  const override: Grade | null = world.rng.chance(0.02) ? world.rng.pick(grades) : null;
  const today = world.today.toISOString().slice(0, 10);
  const created = createdAt.toISOString().slice(0, 10);
  // Most grades were reviewed in the last half year; some have gone stale.
  const reviewed = addDays(today, -world.rng.int(0, 200));
  return {
    relationship,
    attractiveness,
    grade_override: override,
    grade_override_reason: override ? world.rng.pick(overrideReasons) : null,
    grade_reviewed_on: reviewed < created ? created : reviewed,
    grade: effectiveGrade(override, relationship, attractiveness),
  };
}

/** Customers in each rep's regions, with two to four contacts each. */
export const customersPart: DemoPart = {
  name: 'customers',
  tables: ['customers', 'contacts'],
  run(world, out) {
    const reps = world.reps();
    const names = new Set<string>();
    const contactNames = new Set<string>();
    for (let i = 0; i < world.plan.customers; i++) {
      const owner = reps[i % reps.length];
      if (!owner) throw new Error('the demo needs reps before customers');
      const city = world.rng.pick(cities.filter((c) => owner.regions.includes(c.region)));
      const industry = world.rng.pick(industries);
      const createdAt = world.between(world.start, world.today);
      const status = world.rng.weighted([
        ['customer', 45],
        ['prospect', 45],
        ['lost', 10],
      ] as const);
      const id = world.idAt(createdAt);
      const name = companyName(world, city.name, industry.words, names);
      const tags = world.rng.chance(0.35) ? [world.rng.pick(customerTags)] : [];
      const grading = gradeCustomer(world, status, createdAt);
      out.insert('customers', {
        id,
        name,
        name_key: customerNameKey(name),
        phone: `${city.areaCode}-${world.rng.int(5, 8)}${String(world.rng.int(0, 9_999_999)).padStart(7, '0')}`,
        industry: industry.name,
        region: city.region,
        address: `${city.province === `${city.name}市` ? '' : city.province}${city.name}市${world.rng.pick(city.districts)}${world.rng.pick(streets)}${world.rng.int(1, 999)}号`,
        source: world.rng.pick(sources),
        owner_id: owner.id,
        status,
        notes: null,
        tags: JSON.stringify(tags),
        ...grading,
        ...rowMeta(createdAt, owner.id),
      });
      world.customers.push({ id, name, ownerId: owner.id, region: city.region, createdAt, status });

      const contactCount = world.rng.int(
        world.plan.contactsPerCustomer - 1,
        world.plan.contactsPerCustomer + 1,
      );
      const seats = new Set<number>();
      for (let c = 0; c < contactCount; c++) {
        let seat = world.rng.int(0, contactTitles.length - 1);
        while (seats.has(seat)) seat = (seat + 1) % contactTitles.length;
        seats.add(seat);
        const title = contactTitles[seat];
        if (!title) continue;
        if (contactNames.size > 50_000) contactNames.clear();
        const contactId = world.idAt(createdAt);
        world.contactIds.set(id, [...(world.contactIds.get(id) ?? []), contactId]);
        out.insert('contacts', {
          id: contactId,
          customer_id: id,
          name: personName(world, contactNames),
          title: title.title,
          phone: mobile(world),
          email: null,
          buying_role: title.role,
          notes: null,
          ...rowMeta(createdAt, owner.id),
        });
      }
    }
  },
};
