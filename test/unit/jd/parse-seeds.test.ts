import { parseJobDescription } from '../../../src/jd';
import type { JdItem, JobDescription, SectionKind } from '../../../src/jd';
import { describeSeeds, readSeed, SEED_FILES, type SeedName } from '../../helpers/seeds';

function parseSeed(name: SeedName): JobDescription {
  return parseJobDescription(readSeed(name));
}

function itemsOf(jd: JobDescription, kind: SectionKind): JdItem[] {
  return jd.sections.filter((section) => section.kind === kind).flatMap((section) => [...section.items]);
}

function textsOf(jd: JobDescription, kind: SectionKind): string[] {
  return itemsOf(jd, kind).map((item) => item.text);
}

function sectionItems(jd: JobDescription, heading: string): string[] {
  const section = jd.sections.find((candidate) => candidate.heading.toLowerCase() === heading.toLowerCase());
  if (section === undefined) throw new Error(`no section "${heading}" in ${jd.sections.map((s) => s.heading).join(', ')}`);
  return section.items.map((item) => item.text);
}

function kindOf(jd: JobDescription, heading: string): SectionKind | undefined {
  return jd.sections.find((section) => section.heading.toLowerCase() === heading.toLowerCase())?.kind;
}

function lineOf(jd: JobDescription, text: string): number | undefined {
  return jd.sections.flatMap((section) => section.items).find((item) => item.text === text)?.line;
}

describeSeeds('every seed', () => {
  const names = Object.keys(SEED_FILES) as SeedName[];

  it.each(names)('%s has no mojibake, backslash escape or html tag in any heading or item', (name) => {
    const jd = parseSeed(name);
    const texts = [jd.title, ...jd.sections.flatMap((section) => [section.heading, ...section.items.map((item) => item.text)])];
    for (const text of texts) {
      expect(text).not.toMatch(/â€|Ã|Â/);
      expect(text).not.toMatch(/\\[!-/:-@[-`{-~]/);
      expect(text).not.toMatch(/<\/?[a-z][a-z0-9]*[^<>]*>/i);
      expect(text).not.toMatch(/&(?:lt|gt|amp|quot|#\d+);/);
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2}/);
    }
  });

  it.each(names)('%s has at least one duty and one requirement, each with a line inside the file', (name) => {
    const jd = parseSeed(name);
    const lines = readSeed(name).split('\n').length;
    for (const item of [...itemsOf(jd, 'duties'), ...itemsOf(jd, 'requirements')]) {
      expect(item.line).toBeGreaterThanOrEqual(1);
      expect(item.line).toBeLessThanOrEqual(lines);
      expect(item.text).not.toBe('');
    }
    expect(itemsOf(jd, 'duties').length).toBeGreaterThan(0);
    expect(itemsOf(jd, 'requirements').length).toBeGreaterThan(0);
  });

  it.each(names)('%s gives each item the line its text is on', (name) => {
    const source = readSeed(name).split('\n');
    const jd = parseSeed(name);
    const misplaced = jd.sections
      .flatMap((section) => section.items)
      .filter((item) => !(source[item.line - 1] ?? '').includes(/[A-Za-z0-9]+/.exec(item.text)?.[0] ?? ''))
      .map((item) => `${item.line}: ${item.text}`);
    expect(misplaced).toEqual([]);
  });
});

describeSeeds('seed 000 (handbook markdown, cloud engineer)', () => {
  const jd = parseSeed('000');

  it('is markdown titled "Cloud Engineer"', () => {
    expect(jd.format).toBe('markdown');
    expect(jd.title).toBe('Cloud Engineer');
  });

  it('takes duties from purpose of the position and key activities only; challenges are context', () => {
    expect(kindOf(jd, 'PURPOSE OF THE POSITION')).toBe('duties');
    expect(kindOf(jd, 'CHALLENGES')).toBe('context');
    expect(kindOf(jd, 'KEY ACTIVITIES')).toBe('duties');
    const dutySections = new Set(jd.sections.filter((section) => section.kind === 'duties').map((section) => section.heading));
    expect([...dutySections].sort()).toEqual(['KEY ACTIVITIES', 'PURPOSE OF THE POSITION']);
    expect(itemsOf(jd, 'duties')).toHaveLength(14);
  });

  it('strips the section numbers from numbered headings', () => {
    expect(jd.sections.map((section) => section.heading)).toContain('KEY ACTIVITIES');
    expect(jd.sections.some((section) => /^\d/.test(section.heading))).toBe(false);
  });

  it('lists key activities and purpose bullets as duties with their lines', () => {
    const duties = textsOf(jd, 'duties');
    expect(duties).toEqual(
      expect.arrayContaining(['Manage Mongo clusters', 'Implementing infrastructure as code', 'Interact with/maintain db clusters']),
    );
    expect(lineOf(jd, 'Manage Mongo clusters')).toBe(48);
    expect(lineOf(jd, 'Interact with/maintain db clusters')).toBe(34);
    expect(sectionItems(jd, 'CHALLENGES')).toEqual([
      'Scaling infrastructure while keeping costs in mind',
      'Keeping infrastructure secure',
      'Helping make sure we stay compliant with security guidelines',
    ]);
  });

  it('keeps the prose of purpose of the position as a duty', () => {
    const prose = itemsOf(jd, 'duties').find((item) => item.text.startsWith('This position and the person filling it'));
    expect(prose?.line).toBe(26);
  });

  it('has no values, rules of behaviour, skills or purpose of the area among duties', () => {
    const duties = textsOf(jd, 'duties');
    expect(duties.some((text) => text.startsWith('Take ownership of your task'))).toBe(false);
    expect(duties.some((text) => text.startsWith('Expertise'))).toBe(false);
    expect(duties).not.toContain('Push Gateway');
    expect(duties.some((text) => text.startsWith('The Cloud team delivers'))).toBe(false);
    expect(kindOf(jd, 'VALUES AND RULES OF BEHAVIOR')).toBe('about');
    expect(kindOf(jd, 'PURPOSE OF THE AREA')).toBe('context');
    expect(kindOf(jd, 'PERFORMANCE STANDARDS')).toBe('about');
  });

  it('reads key skills as requirements with the markdown escapes removed', () => {
    expect(kindOf(jd, 'KEY SKILLS')).toBe('requirements');
    expect(textsOf(jd, 'requirements')).toContain('Expertise with orchestration systems (k8s)');
    expect(textsOf(jd, 'requirements')).toHaveLength(9);
  });
});

describeSeeds('seed 001 (handbook markdown, software engineer)', () => {
  const jd = parseSeed('001');

  it('is markdown titled "Software Engineer"', () => {
    expect(jd.format).toBe('markdown');
    expect(jd.title).toBe('Software Engineer');
  });

  it('lists creating tests and the other key activities as duties', () => {
    expect(sectionItems(jd, 'KEY ACTIVITIES')).toEqual([
      'Creating new products/services/solutions to meet our customer and business needs',
      'Maintaining services',
      'Adding features to services',
      'Creating tests',
      'Making sure services run reliably',
      'Communication',
    ]);
    expect(lineOf(jd, 'Creating tests')).toBe(45);
    // Purpose of the position and key activities; the five challenges are context.
    expect(itemsOf(jd, 'duties')).toHaveLength(4 + 6);
    expect(kindOf(jd, 'CHALLENGES')).toBe('context');
  });

  it('does not take the last bullet of values as a duty', () => {
    const last = 'High code quality leading leads to a long standing and stable product';
    expect(sectionItems(jd, 'VALUES AND RULES OF BEHAVIOR')).toContain(last);
    expect(textsOf(jd, 'duties')).not.toContain(last);
  });

  it('reads key skills as requirements', () => {
    expect(textsOf(jd, 'requirements')).toEqual([
      'Language Familiarity (Javascript, Golang)',
      'Communication',
      'Creative Thinking',
      'Team work',
    ]);
  });
});

describeSeeds('seed 002 (json-ld job posting, site reliability engineer)', () => {
  const jd = parseSeed('002');

  it('is json-ld titled from the posting', () => {
    expect(jd.format).toBe('json-ld');
    expect(jd.title).toBe('Site Reliability Engineer (Remote Europe)');
  });

  it('takes duties from the list items of the team today and the team tomorrow', () => {
    expect(sectionItems(jd, 'The Team Today')).toHaveLength(5);
    expect(sectionItems(jd, 'The Team Tomorrow')).toHaveLength(3);
    expect(itemsOf(jd, 'duties')).toHaveLength(8);
    expect(textsOf(jd, 'duties')[0]).toMatch(/^We manage both internal and client infrastructure/);
    expect(textsOf(jd, 'duties')).toContain(
      'We are responsible for internal IT. Translation - we help on-board new employees, manage things like mail, calendaring access, sso etc.',
    );
  });

  it('puts every item on line 1, where the description is', () => {
    expect(new Set(jd.sections.flatMap((section) => section.items.map((item) => item.line)))).toEqual(new Set([1]));
  });

  it('reads what are the basics you need as requirements', () => {
    expect(kindOf(jd, 'What Are The Basics You Need')).toBe('requirements');
    const requirements = textsOf(jd, 'requirements');
    expect(requirements.some((text) => text.startsWith('Linux Servers - You can ssh into a machine'))).toBe(true);
    expect(requirements.some((text) => text.startsWith('Containers - You have built your own containers'))).toBe(true);
  });

  it('has nothing from about the process, benefits, what we care about or who we are among duties', () => {
    expect(
      ['About The Process', 'Benefits', 'What We Care About', 'Who We Are', 'About Your Team'].map((heading) => kindOf(jd, heading)),
    ).toEqual(['process', 'benefits', 'about', 'about', 'context']);
    const duties = textsOf(jd, 'duties');
    expect(duties.some((text) => text.startsWith('Opportunity fit'))).toBe(false);
    expect(duties.some((text) => text.includes('Free and Open Source Software'))).toBe(false);
    expect(duties.some((text) => text.startsWith('You are kind'))).toBe(false);
  });

  it('decodes the twice-escaped entities', () => {
    const all = jd.sections.flatMap((section) => section.items.map((item) => item.text)).join('\n');
    expect(all).toContain('iOS & Android');
    expect(all).not.toMatch(/&lt;|&gt;|&amp;|<li>|<br>/);
  });
});

describeSeeds('seed 003 (markdown with front matter, mojibake)', () => {
  const jd = parseSeed('003');

  it('is front matter titled from the heading, not the generic "job advert"', () => {
    expect(jd.format).toBe('front-matter');
    expect(jd.title).toBe('Platform Engineer');
  });

  it('takes duties from the first 3 months and from 6 months onwards', () => {
    expect(kindOf(jd, 'What the job involves')).toBe('duties');
    expect(sectionItems(jd, 'Main duties for first 3 month')).toHaveLength(8);
    expect(sectionItems(jd, '6 month and onwards')).toHaveLength(17);
    expect(itemsOf(jd, 'duties')).toHaveLength(25);
    expect(lineOf(jd, 'Nurture and support our engineers, via mentorship')).toBe(28);
  });

  it('repairs the mojibake en dash', () => {
    const item = textsOf(jd, 'duties').find((text) => text.startsWith('Implemented changes to'));
    expect(item).toBe(
      'Implemented changes to, system configuration and deployment tools – ideally using some of; Python, Golang, and Terraform',
    );
  });

  it('reads requirements bullets and (Desirable) lines as requirements, one item per line', () => {
    const requirements = itemsOf(jd, 'requirements');
    expect(requirements.map((item) => item.text)).toContain('Expertise working with IaC (infrastructure as code) (must)');
    const desirable = requirements.filter((item) => item.text.startsWith('(Desirable)'));
    expect(desirable.map((item) => item.line)).toEqual([65, 66, 67, 68, 69]);
    expect(textsOf(jd, 'duties').some((text) => text.includes('(Desirable)'))).toBe(false);
    expect(textsOf(jd, 'duties').some((text) => text.startsWith('Coding in any of the languages'))).toBe(false);
  });
});

describeSeeds('seed 004 (jekyll page, platform engineer)', () => {
  const jd = parseSeed('004');

  it('is front matter titled "Platform Engineer"', () => {
    expect(jd.format).toBe('front-matter');
    expect(jd.title).toBe('Platform Engineer');
  });

  it('takes duties from the prose and the indented bullets of responsibilities', () => {
    const duties = itemsOf(jd, 'duties');
    const prose = duties.find((item) => item.text.startsWith('This job includes tasks like provisioning virtual machines'));
    expect(prose?.line).toBe(12);
    const bullets = duties.filter((item) => /^(?:Build|Automate|Measure|Share) [-–]/.test(item.text));
    expect(bullets.map((item) => item.line)).toEqual([18, 19, 20, 21]);
    expect(bullets[1]?.text).toMatch(/^Automate – We prefer cattle to pets/);
  });

  it('reads qualifications as requirements', () => {
    expect(kindOf(jd, 'Qualifications')).toBe('requirements');
    expect(textsOf(jd, 'requirements')).toContain('Familiar with monitoring software, such as Nagios, Sensu or CloudWatch.');
    expect(textsOf(jd, 'duties').some((text) => text.includes('Nagios, Sensu'))).toBe(false);
  });
});
