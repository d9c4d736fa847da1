import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { auditLog, riskAssessments, safetyAlerts, safetyAlertState, safetyReviewItems } from '../../db/schema/index.js';
import { updateUser } from '../accounts/queries.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { MODEL_VERSION } from './assessor/index.js';
import { LOCAL_WEIGHTS_FILE, loadAssessorFor } from './assessor/local-weights.js';
import { exportOutcomesCommand, trainCommand, type Io } from './outcomes-cli.js';
import { trainCandidate } from './outcomes-train.js';
import { loadCorpus, type Corpus } from './training/corpus.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');
const SLUG = 'anxiety';

function captureIo(): Io & { text: () => string; written: string[] } {
  const lines: string[] = [];
  const written: string[] = [];
  return {
    written,
    write: (chunk) => written.push(chunk),
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    text: () => lines.join('\n'),
  };
}

/**
 * A small part of the project corpus, so training takes seconds: the full
 * corpus takes minutes (measured: about 70 s of CPU, five minutes on a busy
 * machine). The held-out split stays the whole shipped one.
 */
function smallCorpus(): Corpus {
  const full = loadCorpus();
  return { ...full, train: full.train.filter((example) => example.key < 0.24) };
}

let hearth: TestApp;
let adminHandle: string;
let moderatorHandle: string;
let memberHandle: string;
let memberId: string;
const postIds: string[] = [];
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-learning-'));
  dirs.push(dir);
  return dir;
};

/** A post by the member and the staff judgment on it, as the alerts and review slices record them. */
async function judged(body: string, judgment: { alert?: { level: 'high' | 'imminent'; outcome: 'real_concern' | 'not_a_concern' | 'referred_to_emergency_services' | 'other' }; review?: { kind: 'elevated' | 'worry'; decision: 'fine' | 'needs_outreach' | 'raise_to_alert' } }) {
  const post = (await writePost(memberClient, SLUG, { title: 'Tonight', body })).post;
  postIds.push(post.id);
  const [assessment] = await hearth.deps.db
    .select({ id: riskAssessments.id })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.contentType, 'post'), eq(riskAssessments.contentId, post.id)))
    .limit(1);
  const at = hearth.deps.clock.now();
  if (judgment.alert) {
    const [alert] = await hearth.deps.db
      .insert(safetyAlerts)
      .values({ reason: 'assessment', assessmentId: assessment?.id ?? null, contentType: 'post', contentId: post.id, subjectId: memberId, level: judgment.alert.level, status: 'resolved', deadlineAt: at, createdAt: at, resolvedAt: at })
      .returning({ id: safetyAlerts.id });
    await hearth.deps.db.insert(safetyAlertState).values({ alertId: alert!.id, outcome: judgment.alert.outcome });
  }
  if (judgment.review) {
    await hearth.deps.db.insert(safetyReviewItems).values({ kind: judgment.review.kind, assessmentId: assessment?.id ?? null, contentType: 'post', contentId: post.id, subjectId: memberId, decision: judgment.review.decision, reviewedAt: at, createdAt: at });
  }
}

let memberClient: TestClient;

beforeAll(async () => {
  hearth = await createTestApp({}, { clock: new ManualClock(NOW) });
  const admin = new TestClient(hearth.app);
  const a = await admin.signUp();
  await updateUser(hearth.deps.db, a.user.id, { role: 'admin' });
  adminHandle = a.user.handle;
  const moderator = new TestClient(hearth.app);
  const m = await moderator.signUp();
  await updateUser(hearth.deps.db, m.user.id, { role: 'moderator' });
  moderatorHandle = m.user.handle;
  const member = await memberIn(hearth, SLUG);
  memberClient = member.client;
  memberId = member.user.id;
  memberHandle = member.user.handle;

  await judged('I keep thinking about ending it all and I have been reading about how to do it.', { alert: { level: 'high', outcome: 'real_concern' } });
  await judged('This exam is killing me, I swear I will die if I fail chemistry again.', { alert: { level: 'high', outcome: 'not_a_concern' } });
  await judged('I have written my goodbye letters and tonight is the night.', { alert: { level: 'imminent', outcome: 'referred_to_emergency_services' } });
  await judged('Something else entirely happened here.', { alert: { level: 'high', outcome: 'other' } });
  await judged('Everything feels grey and I do not see it getting better.', { review: { kind: 'elevated', decision: 'needs_outreach' } });
  await judged('I just want to disappear for a while, sleep for a week.', { review: { kind: 'elevated', decision: 'fine' } });
  await judged('Nobody would notice if I was gone. I have the rope in the garage.', { review: { kind: 'elevated', decision: 'raise_to_alert' } });
  await judged('My friend seems low lately, I am worried.', { review: { kind: 'worry', decision: 'fine' } });
});
afterAll(async () => {
  await hearth?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('hearth risk outcomes', () => {
  it('exports each judged text with the level the outcome implies, and nothing that names a person', async () => {
    const file = join(tempDir(), 'outcomes.jsonl');
    const io = captureIo();
    expect(await exportOutcomesCommand(['--admin', adminHandle, '--out', file], hearth.deps.db, hearth.deps.config.messageKeys, io)).toBe(0);
    const body = readFileSync(file, 'utf8');
    const lines = body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const byText = (start: string) => lines.find((line) => String(line['text']).includes(start));
    expect(lines).toHaveLength(6);
    expect(byText('ending it all')).toMatchObject({ level: 'high', source: 'alert', outcome: 'real_concern' });
    expect(byText('exam is killing me')).toMatchObject({ level: 'low', outcome: 'not_a_concern' });
    expect(byText('goodbye letters')).toMatchObject({ level: 'imminent', outcome: 'referred_to_emergency_services' });
    expect(byText('grey')).toMatchObject({ level: 'elevated', source: 'review', outcome: 'needs_outreach' });
    expect(byText('disappear')).toMatchObject({ level: 'low', outcome: 'fine' });
    expect(byText('rope in the garage')).toMatchObject({ level: 'high', outcome: 'raise_to_alert' });
    // `other` says nothing about the text; a `fine` worry report says nothing about its level.
    expect(byText('Something else')).toBeUndefined();
    expect(byText('My friend')).toBeUndefined();
    expect(String(byText('ending it all')?.['text'])).toBe('Tonight\n\nI keep thinking about ending it all and I have been reading about how to do it.');
    expect(Object.keys(lines[0]!).sort()).toEqual(['at', 'level', 'modelVersion', 'outcome', 'source', 'text']);
    for (const secret of [memberId, memberHandle, ...postIds]) expect(body).not.toContain(secret);

    const [audit] = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.action, 'risk.outcomes_exported')).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit?.details).toEqual({ count: 6, to: 'file', osUser: userInfo().username });
  });

  it('writes to standard output when no file is named', async () => {
    const io = captureIo();
    expect(await exportOutcomesCommand(['--admin', adminHandle], hearth.deps.db, hearth.deps.config.messageKeys, io)).toBe(0);
    expect(io.written.join('').trim().split('\n')).toHaveLength(6);
  });

  it('refuses without an admin: none named, a moderator, or an unknown handle (exit 2, nothing exported)', async () => {
    const before = (await hearth.deps.db.select().from(auditLog).where(eq(auditLog.action, 'risk.outcomes_exported'))).length;
    for (const args of [[], ['--admin', moderatorHandle], ['--admin', 'nobody_here'], ['--admin']]) {
      const io = captureIo();
      expect(await exportOutcomesCommand(args, hearth.deps.db, hearth.deps.config.messageKeys, io)).toBe(2);
      expect(io.written).toEqual([]);
      expect(io.text()).toMatch(/admin/);
    }
    expect((await hearth.deps.db.select().from(auditLog).where(eq(auditLog.action, 'risk.outcomes_exported'))).length).toBe(before);
  });
});

describe('hearth risk train --outcomes', () => {
  const corpus = smallCorpus();
  // The weights the candidate must not be worse than: here the small corpus's own, so the test trains in seconds.
  let baseWeights: unknown;
  beforeAll(() => {
    baseWeights = trainCandidate({ outcomes: [], now: NOW, corpus }).file;
  }, 300_000);

  it('retrains with the exported outcomes, and a new app on that DATA_DIR assesses with the new model version', async () => {
    const dataDir = tempDir();
    const outcomes = join(dataDir, 'outcomes.jsonl');
    expect(await exportOutcomesCommand(['--admin', adminHandle, '--out', outcomes], hearth.deps.db, hearth.deps.config.messageKeys, captureIo())).toBe(0);
    const io = captureIo();
    expect(trainCommand(['--outcomes', outcomes], { dataDir }, NOW, io, { corpus, baseWeights })).toBe(0);
    expect(io.text()).toMatch(/weights in use: recall of high\+imminent \d+\/\d+/);
    expect(io.text()).toMatch(/Accepted/);
    expect(existsSync(join(dataDir, LOCAL_WEIGHTS_FILE))).toBe(true);

    const local = await createTestApp({ DATA_DIR: dataDir }, { clock: new ManualClock(NOW) });
    try {
      const admin = new TestClient(local.app);
      const { user } = await admin.signUp();
      await updateUser(local.deps.db, user.id, { role: 'admin' });
      const figures = (await admin.get('/api/safety/assessor')).json();
      expect(figures.local).toBe(true);
      expect(figures.modelVersion).toMatch(/\+lr-[\w-]+\+local\.2026-12-04\.[0-9a-f]{8}$/);
      const writer = await memberIn(local, SLUG);
      const post = (await writePost(writer.client, SLUG, { body: 'Work has been a lot this week.' })).post;
      const [assessment] = await local.deps.db.select({ modelVersion: riskAssessments.modelVersion }).from(riskAssessments).where(eq(riskAssessments.contentId, post.id));
      expect(assessment?.modelVersion).toBe(figures.modelVersion);
    } finally {
      await local.close();
    }
  }, 300_000);

  it('refuses weights trained on many flipped labels, with both figures, and writes nothing', () => {
    const dataDir = tempDir();
    const outcomes = join(dataDir, 'flipped.jsonl');
    // Crises labelled "none" and calm texts labelled "imminent": what a careless or hostile export would teach.
    const full = loadCorpus();
    const flipped = full.train
      .filter((example) => example.key >= 0.24 && example.level !== 'elevated')
      .slice(0, 200)
      .map((example) => ({ text: example.text, level: example.level === 'high' || example.level === 'imminent' ? 'none' : 'imminent', source: 'alert', modelVersion: null, outcome: 'real_concern', at: NOW.toISOString() }));
    writeFileSync(outcomes, flipped.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const io = captureIo();
    expect(trainCommand(['--outcomes', outcomes], { dataDir }, NOW, io, { corpus, baseWeights })).toBe(1);
    expect(io.text()).toMatch(/Refused: the new weights do worse on the held-out split/);
    expect(io.text()).toMatch(/weights in use: recall of high\+imminent/);
    expect(io.text()).toMatch(/new weights: +recall of high\+imminent/);
    expect(existsSync(join(dataDir, LOCAL_WEIGHTS_FILE))).toBe(false);
  }, 300_000);

  it('names a usage error (exit 2) for a missing or unreadable outcomes file', () => {
    const dataDir = tempDir();
    expect(trainCommand([], { dataDir }, NOW, captureIo())).toBe(2);
    expect(trainCommand(['--outcomes', join(dataDir, 'absent.jsonl')], { dataDir }, NOW, captureIo())).toBe(2);
  });
});

describe('weights in DATA_DIR', () => {
  it('a corrupt file is reported and the shipped weights are used; the server still starts', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCAL_WEIGHTS_FILE), '{"format":1,"version":"half a fi');
    const warnings: string[] = [];
    expect(loadAssessorFor(dataDir, { warn: (_details, message) => warnings.push(message) }).modelVersion).toBe(MODEL_VERSION);
    expect(warnings[0]).toMatch(/not valid: using the shipped weights/);

    // Valid weights that grew from other shipped weights (an older Hearth): reported, not used.
    const stale = { ...JSON.parse(readFileSync(new URL('./assessor/weights.json', import.meta.url), 'utf8')), version: 'lr-2020-01-01-00000000+local.2020-02-02.abcdef12' };
    writeFileSync(join(dataDir, LOCAL_WEIGHTS_FILE), JSON.stringify(stale));
    expect(loadAssessorFor(dataDir, { warn: (_details, message) => warnings.push(message) }).modelVersion).toBe(MODEL_VERSION);
    expect(warnings[1]).toMatch(/trained from other shipped weights/);
    writeFileSync(join(dataDir, LOCAL_WEIGHTS_FILE), '{"format":1,"version":"half a fi');

    const app = await createTestApp({ DATA_DIR: dataDir });
    try {
      const admin = new TestClient(app.app);
      const { user } = await admin.signUp();
      await updateUser(app.deps.db, user.id, { role: 'admin' });
      const figures = (await admin.get('/api/safety/assessor')).json();
      expect(figures).toMatchObject({ modelVersion: MODEL_VERSION, local: false });
    } finally {
      await app.close();
    }
  });
});
