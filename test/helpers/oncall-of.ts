import type { AccessModel, IncidentManagerOncallState, PagerdutyOncallState } from '../../src/model/types';

/** The model's on-call state when it is in Incident Manager; a test setup error otherwise. */
export function incidentManagerOncall(model: AccessModel): IncidentManagerOncallState {
  if (model.oncall.backend !== 'aws-incident-manager')
    throw new Error(`test setup: the model's on-call backend is ${model.oncall.backend}`);
  return model.oncall;
}

/** The model's on-call state when it is in PagerDuty; a test setup error otherwise. */
export function pagerdutyOncall(model: AccessModel): PagerdutyOncallState {
  if (model.oncall.backend !== 'pagerduty') throw new Error(`test setup: the model's on-call backend is ${model.oncall.backend}`);
  return model.oncall;
}
