import { describe, expect, it } from 'vitest';
import { replyGate, warningText, warningTreatment } from './content-warnings.js';

const other = { kind: 'anonymous' as const, alias: 'Quiet Heron', isYou: false };
const you = { ...other, isYou: true };

describe('warningTreatment', () => {
  it('shows a post without a warning, and folds a free-text warning whatever the settings', () => {
    expect(warningTreatment({ contentWarning: null, contentWarningTopics: [], author: other }, {})).toBe('show');
    expect(warningTreatment({ contentWarning: 'grief', contentWarningTopics: [], author: other }, {})).toBe('collapse');
  });

  it('follows the member’s choice per topic, folding topics they never chose', () => {
    const post = { contentWarning: null, contentWarningTopics: ['self-harm'], author: other };
    expect(warningTreatment(post, {})).toBe('collapse');
    expect(warningTreatment(post, { 'self-harm': 'show' })).toBe('show');
    expect(warningTreatment(post, { 'self-harm': 'hide' })).toBe('hide');
  });

  it('takes the most careful choice when a post has several topics', () => {
    const post = { contentWarning: null, contentWarningTopics: ['death', 'self-harm'], author: other };
    expect(warningTreatment(post, { death: 'show', 'self-harm': 'hide' })).toBe('hide');
    expect(warningTreatment(post, { death: 'show', 'self-harm': 'show' })).toBe('show');
    expect(warningTreatment(post, { death: 'show' })).toBe('collapse');
  });

  it('never hides a member’s own post from them', () => {
    const post = { contentWarning: null, contentWarningTopics: ['suicide'], author: you };
    expect(warningTreatment(post, { suicide: 'hide' })).toBe('collapse');
  });
});

describe('warningText', () => {
  it('puts the author’s words first, then the topics by name', () => {
    expect(warningText({ contentWarning: 'a panic attack', contentWarningTopics: ['self-harm'] })).toBe(
      'a panic attack (Self-harm)',
    );
    expect(warningText({ contentWarning: null, contentWarningTopics: ['abuse', 'death'] })).toBe('Abuse, Death');
    expect(warningText({ contentWarning: '  ', contentWarningTopics: [] })).toBe('');
  });
});

describe('replyGate: a reply staff released behind a warning', () => {
  const released = { contentWarning: 'Overdose, method mentioned', contentWarningTopics: ['suicide'], status: 'visible' as const, author: other };

  it('is read behind the warning staff chose, folded unless the member chose to show the topic', () => {
    expect(replyGate(released, {})).toEqual({ warning: 'Overdose, method mentioned (Suicide)', initiallyOpen: false });
    expect(replyGate(released, undefined)).toMatchObject({ initiallyOpen: false });
    expect(replyGate(released, { suicide: 'hide' })).toMatchObject({ initiallyOpen: false });
    expect(replyGate(released, { suicide: 'show' })).toMatchObject({ initiallyOpen: true });
  });

  it('folds its writer’s own reply too (they can open it), and gates nothing without a warning or once removed', () => {
    expect(replyGate({ ...released, author: you }, { suicide: 'hide' })).toMatchObject({ initiallyOpen: false });
    expect(replyGate({ ...released, contentWarning: null, contentWarningTopics: [] }, {})).toBeNull();
    expect(replyGate({ ...released, status: 'removed_by_staff' }, {})).toBeNull();
  });
});
