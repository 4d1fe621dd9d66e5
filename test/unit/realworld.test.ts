/** Hovers on real templates and code from public repositories (test/fixtures/realworld): recall and silences. */
import * as assert from 'node:assert/strict';
import { measureCorpus, ratio, type CorpusReport, type Miss } from '../realworld/corpus';
import { knowledgeBase } from './helpers';

const show = (misses: Miss[]) => misses.slice(0, 25).map((m) => `  ${m.file}:${m.line} "${m.token}": expected ${m.expected}, got ${m.got}`).join('\n');

describe('real-world corpus', () => {
  let report: CorpusReport;
  before(() => {
    report = measureCorpus(knowledgeBase());
  });

  it('is a corpus worth the name: several groups of files with labelled hovers', () => {
    assert.ok(report.files >= 50 && report.services.expected >= 500 && report.ports.expected >= 500, JSON.stringify({ files: report.files, services: report.services.expected, ports: report.ports.expected }));
  });

  it('explains at least 97% of the AWS services written in it, as the right entry', () => {
    assert.ok(ratio(report.services.found, report.services.expected) >= 0.97, `recall ${report.services.found}/${report.services.expected}\n${show(report.services.misses)}`);
  });

  it('explains at least 95% of its port numbers', () => {
    assert.ok(ratio(report.ports.found, report.ports.expected) >= 0.95, `recall ${report.ports.found}/${report.ports.expected}\n${show(report.ports.misses)}`);
  });

  it('hovers a port on at most 0.5% of the numbers that are no port', () => {
    const rate = ratio(report.numbers.hoveredAsPort.length, report.numbers.notPorts);
    assert.ok(rate <= 0.005, `${report.numbers.hoveredAsPort.length} of ${report.numbers.notPorts}\n${show(report.numbers.hoveredAsPort)}`);
  });

  it('keeps every pinned silence: pseudo parameters, model-id versions, image tags, ordinary words', () => {
    assert.deepEqual(report.silences.misses, [], show(report.silences.misses));
  });
});
