import { describe, expect, it } from 'vitest';
import { isReservedHandle } from './reserved-handles.js';

describe('reserved handles', () => {
  it('refuse names that pass for the Hearth Safety account or the team, whatever their case, separators or digits', () => {
    for (const handle of ['HearthSafety', 'Hearth_Safety', 'hearth.safety', 'HearthSafetyTeam', 'HearthSafety1', 'Hearth-Team', 'Mod_2', 'admin', 'S_a_f_e_t_y'])
      expect(isReservedHandle(handle), handle).toBe(true);
  });

  it('leave ordinary names alone, including ones that only share a word', () => {
    for (const handle of ['quiet_heron', 'HearthAndHome', 'safety_pin_collector', 'modest_fern', 'teamwork99', 'hearthstone'])
      expect(isReservedHandle(handle), handle).toBe(false);
  });
});
