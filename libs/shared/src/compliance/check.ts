import { HOURS_PER_DAY, PAID_DAYS_PER_MONTH } from '../constants/wage';
import { WAGE_UNIT_LABELS } from '../enums/job-posting';
import { COMPLIANCE_RULES } from './rules';
import type { PayRangeRule, TextRule, WageFloor, WageRule } from './rules';
import type { ComplianceFinding, ComplianceInput, ComplianceResult, MinimumWage } from './types';

/** Matches reported per rule; more add nothing for the employer. */
const MAX_MATCHES_PER_RULE = 3;

interface Span {
  start: number;
  end: number;
}

interface NormalisedText {
  text: string;
  /** For each character of `text`, its index in the original. */
  source: number[];
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63]/;
const WHITESPACE = /\s/;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** One character (a surrogate pair counts as one) as the rules see it: '' when it is dropped. */
function normaliseChar(ch: string): string {
  if (ch === '\n') return '。';
  const code = ch.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return ch; // the bulk of a post: no work
  if (WHITESPACE.test(ch) || ZERO_WIDTH.test(ch)) return '';
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (DASHES.test(ch)) return '-';
  if (ch === '\u301c') return '~';
  if (code < 0x80) return ch.toLowerCase();
  return ch.normalize('NFKC').toLowerCase().replace(/\s/g, '');
}

/**
 * The text rules read: full-width to half-width (and other compatibility forms, NFKC, one character at a
 * time so every position maps back to the original), whitespace and zero-width characters removed, a line
 * break as "。", dashes as "-", "〜" as "~", Latin letters lower-cased. So "限 男 性", "ＨＢＶ" and "３５岁以下"
 * are caught.
 */
function normalise(original: string): NormalisedText {
  let text = '';
  const source: number[] = [];
  let i = 0;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    const width = isHighSurrogate(code) && i + 1 < original.length ? 2 : 1;
    const out = normaliseChar(original.slice(i, i + width));
    for (let j = 0; j < out.length; j++) source.push(i);
    text += out;
    i += width;
  }
  return { text, source };
}

/** The normalised form of a text, as the rules see it (for tests and for highlighting in the form). */
export function normalizeComplianceText(text: string): string {
  return normalise(text).text;
}

// Every pattern compiled once, global, so one call can walk all its matches.
const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let g = globalCache.get(pattern);
  if (!g) {
    g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalCache.set(pattern, g);
  }
  return g;
}

/** Every match of a pattern, overlapping ones included, so an excepted match does not hide one inside it. */
function matchesOf(pattern: RegExp, text: string): Span[] {
  const g = globalOf(pattern);
  const spans: Span[] = [];
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    const pre = m.groups?.pre ?? '';
    const start = m.index + pre.length;
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    g.lastIndex = m.index + 1;
  }
  return spans;
}

function hasMatch(pattern: RegExp, text: string): boolean {
  const g = globalOf(pattern);
  g.lastIndex = 0;
  const found = g.test(text);
  g.lastIndex = 0;
  return found;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Matches of the patterns that no exception overlaps, in text order. */
function cleanMatches(patterns: RegExp[], exceptions: Span[], text: string, limit: number): Span[] {
  const found: Span[] = [];
  for (const pattern of patterns) {
    for (const span of matchesOf(pattern, text)) {
      if (found.length >= limit) break;
      if (exceptions.some((x) => overlaps(x, span))) continue;
      if (found.some((f) => overlaps(f, span))) continue;
      found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function exceptionSpans(rule: TextRule, text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of rule.exceptions ?? []) {
    for (const span of matchesOf(pattern, text)) spans.push(span);
  }
  return spans;
}

/** The words of the original post behind a normalised span (a line break between fields as a space). */
function originalWords(original: string, normalised: NormalisedText, span: Span): string {
  const from = normalised.source[span.start];
  const last = normalised.source[span.end - 1];
  const to = last + (isHighSurrogate(original.charCodeAt(last)) ? 2 : 1);
  const words = original.slice(from, to).replace(/[\r\n\t]+/g, ' ').trim();
  return words || normalised.text.slice(span.start, span.end);
}

const WAGE_FIGURE = /[0-9]+(?:\.[0-9]+)?(?:元|块|k|千|万)/;

function checkText(
  rule: TextRule,
  input: ComplianceInput,
  original: string,
  normalised: NormalisedText,
): ComplianceFinding | null {
  const text = normalised.text;
  if (rule.onlyWithoutWageFigure && (input.wageMin != null || WAGE_FIGURE.test(text))) return null;
  // cheap first pass: most rules find nothing, and then exceptions need not be looked for
  if (!rule.patterns.some((p) => hasMatch(p, text))) return null;
  const exceptions = exceptionSpans(rule, text);
  let spans: Span[];
  if (rule.requires?.length) {
    spans = [];
    for (const primary of cleanMatches(rule.patterns, exceptions, text, Number.MAX_SAFE_INTEGER)) {
      const others: Span[] = [];
      for (const required of rule.requires) {
        const other = cleanMatches([required], exceptions, text, Number.MAX_SAFE_INTEGER).find(
          (s) => !overlaps(s, primary),
        );
        if (!other) break;
        others.push(other);
      }
      if (others.length === rule.requires.length) {
        spans = [primary, ...others];
        break;
      }
    }
  } else {
    spans = cleanMatches(rule.patterns, exceptions, text, MAX_MATCHES_PER_RULE);
  }
  if (spans.length === 0) return null;
  const words = Array.from(new Set(spans.map((s) => originalWords(original, normalised, s))));
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: rule.message.replace('{match}', words.map((w) => `“${w}”`).join('、')),
    law: rule.law,
    match: words.join('、'),
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const figure = (n: number): string => String(round2(n));

function floorOf(floor: WageFloor, minimumWage: MinimumWage): number {
  switch (floor) {
    case 'monthly':
      return minimumWage.monthly;
    case 'daily':
      return round2(minimumWage.monthly / PAID_DAYS_PER_MONTH);
    case 'fullTimeHourly':
      return round2(minimumWage.monthly / PAID_DAYS_PER_MONTH / HOURS_PER_DAY);
    case 'hourly':
      return minimumWage.hourly;
    case 'halfDayHourly':
      return minimumWage.hourly * 4;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function checkWage(rule: WageRule, input: ComplianceInput, minimumWage: MinimumWage): ComplianceFinding | null {
  const type = input.type ?? 'full_time';
  if (input.wageMin == null || input.wageUnit !== rule.unit || !rule.types.includes(type)) return null;
  const floor = floorOf(rule.floor, minimumWage);
  if (!(input.wageMin < floor)) return null;
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: fill(rule.message, {
      wage: figure(input.wageMin),
      floor: figure(floor),
      monthly: figure(minimumWage.monthly),
      hourly: figure(minimumWage.hourly),
    }),
    law: rule.law,
    match: '',
  };
}

function checkPayRange(rule: PayRangeRule, input: ComplianceInput): ComplianceFinding | null {
  const { wageMin, wageMax } = input;
  if (wageMin == null || wageMax == null || wageMin < 0 || !(wageMax > rule.maxRatio * wageMin)) return null;
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: fill(rule.message, {
      min: figure(wageMin),
      max: figure(wageMax),
      unit: input.wageUnit ? WAGE_UNIT_LABELS[input.wageUnit] : '元',
      ratio: String(rule.maxRatio),
    }),
    law: rule.law,
    match: '',
  };
}

/**
 * Checks a post against the rule set. Pure and cheap enough to run on every keystroke in the mini-app.
 * At most one finding per rule; hard findings first, then in the order of the rules.
 */
export function checkPostCompliance(input: ComplianceInput, minimumWage: MinimumWage): ComplianceResult {
  const original = [input.title ?? '', input.description ?? '', ...(input.skills ?? [])].join('\n');
  const normalised = normalise(original);
  const findings: ComplianceFinding[] = [];
  for (const rule of COMPLIANCE_RULES) {
    let finding: ComplianceFinding | null;
    switch (rule.kind) {
      case 'text':
        finding = checkText(rule, input, original, normalised);
        break;
      case 'wage':
        finding = checkWage(rule, input, minimumWage);
        break;
      case 'payRange':
        finding = checkPayRange(rule, input);
        break;
    }
    if (finding) findings.push(finding);
  }
  const hard = findings.filter((f) => f.severity === 'hard');
  const soft = findings.filter((f) => f.severity === 'soft');
  return { findings: [...hard, ...soft], rejected: hard.length > 0 };
}
