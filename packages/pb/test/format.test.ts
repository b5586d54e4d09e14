import { describe, expect, it } from 'vitest';
import { PbFormatError, parsePb, writePb } from '../src/format.ts';
import { Rational } from '../src/rational.ts';

const sample = [
  '\uFEFFMETA',
  'key;value',
  'description;"Budget; with ""quotes"""',
  'budget; 1500.50 ',
  'vote_type;ordinal',
  'num_projects;3',
  'num_votes;3',
  '',
  'PROJECTS',
  'project_id;cost;name;category',
  '10;1000;"Park; benches";green',
  ' 9 ;500,25;Library;none',
  'B;0.125;"Two',
  'lines";culture',
  'VOTES',
  'voter_id;vote;age',
  '1;10,9,B;34',
  '2;9,9;',
  '3;;51',
].join('\r\n');

function parseError(text: string): PbFormatError {
  try {
    parsePb(text);
  } catch (e) {
    if (e instanceof PbFormatError) return e;
    throw e;
  }
  throw new Error('no error');
}

const header = ['META', 'key;value', 'budget;100', 'vote_type;approval'];

describe('parsePb', () => {
  it('reads sections, quoting, decimals and optional columns', () => {
    const e = parsePb(sample);
    expect(e.voteType).toBe('ordinal');
    expect(e.budget.eq(Rational.of(3001, 2))).toBe(true);
    expect(e.meta.description).toBe('Budget; with "quotes"');
    expect(e.projects.map((p) => p.id)).toEqual(['10', '9', 'B']);
    expect(e.projects.map((p) => p.cost.toString())).toEqual(['1000', '2001/4', '1/8']);
    expect(e.projects[0]!.fields).toEqual({ name: 'Park; benches', category: 'green' });
    expect(e.projects[2]!.fields.name).toBe('Two\r\nlines');
    expect(e.votes.map((v) => v.projects)).toEqual([['10', '9', 'B'], ['9', '9'], []]);
    expect(e.votes[0]!.fields).toEqual({ voter_id: '1', age: '34' });
  });

  it('reads points of cumulative and scoring votes', () => {
    for (const type of ['cumulative', 'scoring']) {
      const e = parsePb(
        [
          'META',
          'key;value',
          'budget;10',
          `vote_type;${type}`,
          'PROJECTS',
          'project_id;cost',
          'a;5',
          'b;5',
        ]
          .concat(['VOTES', 'voter_id;vote;points', '1;a,b;3,0.5', '2;b;-1'])
          .join('\n'),
      );
      expect(e.votes.map((v) => v.points?.map(String))).toEqual([['3', '1/2'], ['-1']]);
    }
  });

  it('names the line and the problem in a bad file', () => {
    const cases: [string[], number, RegExp][] = [
      [
        [...header, 'PROJECTS', 'project_id;cost', '1;abc', 'VOTES', 'voter_id;vote'],
        7,
        /cost "abc"/,
      ],
      [
        [...header, 'PROJECTS', 'project_id;cost', '1;5', 'VOTES', 'voter_id;vote', '1;2'],
        10,
        /"2", which is not in PROJECTS/,
      ],
      [
        [...header, 'PROJECTS', 'project_id;cost', '1;5;x', 'VOTES', 'voter_id;vote'],
        7,
        /3 fields where the PROJECTS header \(line 6\) has 2/,
      ],
      [
        [...header, 'PROJECTS', 'project_id;cost', '1;5', '1;6', 'VOTES', 'voter_id;vote'],
        8,
        /"1" appears twice/,
      ],
      [
        [...header, 'PROJECTS', 'project_id;name', '1;x', 'VOTES', 'voter_id;vote'],
        6,
        /no "cost" column/,
      ],
      [
        [...header, 'PROJECTS', 'project_id;cost', '1;"5', 'VOTES', 'voter_id;vote'],
        7,
        /quoted field is never closed/,
      ],
      [
        [
          'META',
          'key;value',
          'budget;100',
          'vote_type;ranked',
          'PROJECTS',
          'project_id;cost',
          'VOTES',
          'vote',
        ],
        4,
        /vote_type "ranked"/,
      ],
      [
        [
          'META',
          'key;value',
          'budget;lots',
          'vote_type;approval',
          'PROJECTS',
          'project_id;cost',
          'VOTES',
          'vote',
        ],
        3,
        /budget "lots"/,
      ],
      [
        [
          'META',
          'key;value',
          'budget;10',
          'vote_type;cumulative',
          'PROJECTS',
          'project_id;cost',
          'a;1',
          'VOTES',
          'vote;points',
          'a;1,2',
        ],
        10,
        /1 projects but 2 points/,
      ],
      [['budget;10'], 1, /expected a META, PROJECTS or VOTES section/],
      [[...header, 'PROJECTS', 'project_id;cost'], 0, /no VOTES section/],
    ];
    for (const [lines, line, problem] of cases) {
      const error = parseError(lines.join('\n'));
      expect(error.line, error.message).toBe(line);
      expect(error.message).toMatch(problem);
      if (line > 0) expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    }
  });
});

describe('writePb', () => {
  it('writes what parses back to the same election', () => {
    const e = parsePb(sample);
    const text = writePb(e);
    expect(text).toContain('"Park; benches"');
    expect(text).toContain('9;500.25;Library;none');
    expect(parsePb(text)).toEqual(e);
  });

  it('fills the header and the counts of an election built in code', () => {
    const text = writePb({
      meta: { description: 'Demo' },
      budget: Rational.of(5, 2),
      voteType: 'cumulative',
      projects: [{ id: 'p1', cost: Rational.of(1, 3), fields: { name: 'A "nice" one' } }],
      votes: [{ projects: ['p1'], points: [Rational.of(2)], fields: {} }],
    });
    expect(text).toBe(
      [
        'META',
        'key;value',
        'description;Demo',
        'budget;2.5',
        'vote_type;cumulative',
        'num_projects;1',
        'num_votes;1',
        'PROJECTS',
        'project_id;cost;name',
        'p1;1/3;"A ""nice"" one"',
        'VOTES',
        'voter_id;vote;points',
        '1;p1;2',
        '',
      ].join('\n'),
    );
    expect(parsePb(text).projects[0]!.cost.eq(Rational.of(1, 3))).toBe(true);
  });
});
