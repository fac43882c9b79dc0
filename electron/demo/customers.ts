import { customerNameKey } from '../../shared/domain/customers';
import { brandChars, cities, companySuffixes, contactTitles, customerTags, industries, sources, streets } from './names';
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
        ...rowMeta(createdAt, owner.id),
      });
      world.customers.push({ id, name, ownerId: owner.id, region: city.region, createdAt, status });

      const contactCount = world.rng.int(world.plan.contactsPerCustomer - 1, world.plan.contactsPerCustomer + 1);
      const seats = new Set<number>();
      for (let c = 0; c < contactCount; c++) {
        let seat = world.rng.int(0, contactTitles.length - 1);
        while (seats.has(seat)) seat = (seat + 1) % contactTitles.length;
        seats.add(seat);
        const title = contactTitles[seat];
        if (!title) continue;
        if (contactNames.size > 50_000) contactNames.clear();
        out.insert('contacts', {
          id: world.idAt(createdAt),
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
