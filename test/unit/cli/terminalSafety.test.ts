import assert from 'node:assert/strict';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { principleIds, scriptedModel } from '../../support/scriptedModel';
import { terminalText } from '../../../src/cli/format/terminalText';
import { cleanEnv, clinalign, clinalignAsync, workspaceFactory } from './cliHarness';

// A window-title change (OSC … BEL), clear screen and colour (CSI), the 8-bit CSI and a carriage return.
const SEQUENCES = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u009b1A\r';
// The same in a YAML double-quoted string.
const YAML_SEQUENCES = '\\e]0;pwned\\a\\e[2J\\e[31m\\x9b1A\\r';

/** Control characters other than line feed and tab: none may reach the terminal. */
function assertNoControls(output: string, where: string): void {
  const found = [...output.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map(
    (m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  assert.deepEqual(found, [], `${where}: ${JSON.stringify(output.slice(0, 400))}`);
}

const TEAM_FILE = `group: team
principles:
  - id: universal.hostile-text
    title: "Hostile ${YAML_SEQUENCES} title"
    dimension: universal
    statement: "A statement ${YAML_SEQUENCES} from a cloned repository."
    rationale: Ten characters at least.
    severity: info
    rubric: { criterion: Says what to do now., points: 1, axis: accuracy }
    examples: [{ answer: a, violates: true }, { answer: b, violates: false }]
    sources: ["Source ${YAML_SEQUENCES}"]
  - id: universal.second
    "unknown ${YAML_SEQUENCES} key": 1
`;

describe('terminal control sequences from files and model replies never reach the terminal', function () {
  this.timeout(60_000);
  const workspace = workspaceFactory('clinalign-terminal-');

  it('terminalText strips C0 (but line feed and tab), C1 and whole escape sequences', () => {
    assert.equal(terminalText(`a${SEQUENCES}b\tc\nd`), 'ab\tc\nd');
    assert.equal(terminalText('x\u001b[38;5;196mred\u001b[0m \u001bPdcs\u001b\\ \u001b7saved\u0000'), 'xred  saved');
    assert.equal(terminalText('“Plain” text — with ünïcode ✓'), '“Plain” text — with ünïcode ✓');
  });

  it('principle text and ids, problems, file names and case text are printed without them', () => {
    const dir = workspace({
      '.clinalign/principles/team.yaml': TEAM_FILE,
      [`cases/evil${SEQUENCES}.case.md`]: `---\nprompt: "Help ${YAML_SEQUENCES} now"\nrubric:\n  - criterion: "Says ${YAML_SEQUENCES} call 911"\n    points: 0\n---\nTake 5 cc ${SEQUENCES} daily.\n`,
    });
    for (const args of [
      ['lint', 'cases'],
      ['lint', 'cases', '--format', 'sarif'],
      ['principles', 'show', 'universal.hostile-text'],
      ['principles', 'validate'],
      ['classify', `cases/evil${SEQUENCES}.case.md`],
    ]) {
      const { stdout, stderr } = clinalign(args, dir);
      assertNoControls(stdout, `${args.join(' ')} stdout`);
      assertNoControls(stderr, `${args.join(' ')} stderr`);
    }
    const show = clinalign(['principles', 'show', 'universal.hostile-text'], dir);
    assert.match(show.stdout, /Hostile +title/, 'the text around the sequences is kept');
    assert.match(clinalign(['lint', 'cases'], dir).stdout, /cases\/evil\.case\.md:\d+:\d+: error/);
  });

  it('a model reply and rubric criteria are printed without them (check, grade)', async () => {
    const server = await OpenAiTestServer.start({
      script: scriptedModel({
        check_answer: (_, user) => ({
          content: {
            findings: [
              {
                principle_id: principleIds(user)[0],
                quote: 'Call emergency services now.',
                explanation: `Model ${SEQUENCES} says so`,
              },
            ],
          },
        }),
        grade_item: () => ({ content: { explanation: `Judge ${SEQUENCES} explains`, criteria_met: true } }),
      }),
    });
    try {
      const dir = workspace({
        '.clinalign/principles/team.yaml': TEAM_FILE,
        'a.case.md': `---\nprompt: "I have chest pain ${YAML_SEQUENCES}"\nrubric:\n  - criterion: "Says ${YAML_SEQUENCES} call 911"\n    points: 5\n    tags: [axis:accuracy]\n---\nCall emergency services now.\n`,
      });
      const endpoint = ['--base-url', server.baseUrl, '--model', 'm'];
      for (const args of [
        ['check', 'a.case.md', ...endpoint],
        ['check', 'a.case.md', '--format', 'json', ...endpoint],
        ['grade', 'a.case.md', ...endpoint],
        ['grade', 'a.case.md', '--format', 'json', ...endpoint],
      ]) {
        const { stdout, stderr } = await clinalignAsync(args, dir, cleanEnv());
        assertNoControls(stdout, `${args.join(' ')} stdout`);
        assertNoControls(stderr, `${args.join(' ')} stderr`);
      }
      const check = await clinalignAsync(['check', 'a.case.md', ...endpoint], dir, cleanEnv());
      assert.match(check.stdout, /Model +says so/, check.stderr);
    } finally {
      await server.close();
    }
  });
});
