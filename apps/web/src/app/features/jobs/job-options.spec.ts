import { describe, expect, it } from 'vitest';

import { carriesContainers, documentFields } from './job-options';

describe('job options by transport mode', () => {
  it('prints the transport document of the mode', () => {
    expect(documentFields('sea_lcl')).toEqual(['mblNumber', 'hblNumber']);
    expect(documentFields('air_express')).toEqual(['mawbNumber', 'hawbNumber']);
    expect(documentFields('road_ftl')).toEqual(['cmrNumber']);
  });

  it('shows containers for sea and road, not for air unless the job already holds some', () => {
    expect(carriesContainers({ mode: 'sea_fcl', containers: [] })).toBe(true);
    expect(carriesContainers({ mode: 'road_ltl', containers: [] })).toBe(true);
    expect(carriesContainers({ mode: 'air', containers: [] })).toBe(false);
    expect(carriesContainers({ mode: 'air_express', containers: [{}] })).toBe(true);
  });
});
