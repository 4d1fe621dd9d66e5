import * as assert from 'node:assert/strict';
import { milestoneToAnnounce, reachedMilestone } from '../../src/core/quiz/timer';

const minutes = (m: number, s = 0) => m * 60_000 + s * 1000;

describe('exam timer announcements', () => {
  it('knows the milestone the time left has reached', () => {
    assert.equal(reachedMilestone(minutes(90)), undefined);
    assert.equal(reachedMilestone(minutes(60)), 60);
    assert.equal(reachedMilestone(minutes(59, 59)), 60);
    assert.equal(reachedMilestone(minutes(14, 30)), 15);
    assert.equal(reachedMilestone(minutes(0, 30)), 1);
  });

  it('announces each milestone once, as the clock ticks through a whole exam', () => {
    const heard: number[] = [];
    let last = reachedMilestone(minutes(90));
    for (let left = minutes(90); left > 0; left -= 1000) {
      const m = milestoneToAnnounce(left, last);
      if (m) {
        heard.push(m);
        last = m;
      }
    }
    assert.deepEqual(heard, [60, 30, 15, 10, 5, 1]);
  });

  it('still announces a milestone when the tick came late, and only the latest of several it skipped', () => {
    assert.equal(milestoneToAnnounce(minutes(59, 50), 60), undefined);
    assert.equal(milestoneToAnnounce(minutes(59, 50), undefined), 60);
    // A hidden page slept from 31 minutes left to 9: 30, 15 and 10 all passed; 10 is what is true now.
    assert.equal(milestoneToAnnounce(minutes(9), 60), 10);
  });

  it('says nothing for a milestone already passed when the exam page opened, nor at zero', () => {
    const opened = reachedMilestone(minutes(45));
    assert.equal(milestoneToAnnounce(minutes(44, 59), opened), undefined);
    assert.equal(milestoneToAnnounce(minutes(30), opened), 30);
    assert.equal(milestoneToAnnounce(0, 5), undefined);
  });
});
