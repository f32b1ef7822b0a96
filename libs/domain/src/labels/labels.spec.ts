import { talkSourceLabelOf, talkStatusLabelOf, talkTargetLabelOf } from './labels';
import { escalationLevelLabelOf, labelOf, lightLabelOf, planStatusLabelOf, responsibilityLabelOf, roleLabelOf, statusLabelOf, eventTypeLabelOf, ESCALATION_RECORD_LEVELS } from './labels';

describe('labels beside codes', () => {
  it('names each code in Chinese', () => {
    expect(statusLabelOf('in_progress')).toBe('办理中');
    expect(lightLabelOf('red')).toBe('红灯');
    expect(responsibilityLabelOf('lead')).toBe('牵头');
    expect(escalationLevelLabelOf('supervise')).toBe('督办');
    expect(escalationLevelLabelOf('talk_proposed')).toBe('约谈（建议）');
    expect(roleLabelOf('coordinator')).toBe('牵头协调人员');
    expect(eventTypeLabelOf('talk_triggered')).toBe('约谈');
    expect(planStatusLabelOf('draft')).not.toBe('draft');
    expect(talkStatusLabelOf('rectification_reported')).toBe('整改已报送');
    expect(talkSourceLabelOf('ladder')).toBe('逾期升级建议');
    expect(talkTargetLabelOf('deputy')).toBe('分管负责人');
  });

  it('keeps the ladder order with the proposal before the talk', () => {
    expect(ESCALATION_RECORD_LEVELS).toEqual(['urge', 'supervise', 'bulletin', 'talk_proposed', 'talk']);
  });

  it('answers an unknown code with itself and a missing one with a dash', () => {
    expect(labelOf({}, 'x')).toBe('x');
    expect(labelOf({}, null)).toBe('—');
  });
});
