import type { Construct } from 'constructs';
import { PagerdutyProvider } from '@cdktf/provider-pagerduty/lib/provider';
import type { OncallState } from '../src/model/types';
import { IncidentManagerOncall, type ChannelToActivate } from '../src/constructs/oncall/incident-manager-oncall';
import { PagerdutyOncall } from '../src/constructs/oncall/pagerduty-oncall';
import { rolecallAwsProvider } from './aws-provider';
import { requireProviderSource } from './provider-source';
import { RolecallStack } from './rolecall-stack';
import { configureStateBackend, type StateConfig } from './state-backend';

/** Props of {@link OncallStack}. */
export interface OncallStackProps {
  /** The model's on-call state. */
  readonly oncall: OncallState;
  /** Region of Incident Manager (the model's AWS region); unused with PagerDuty. */
  readonly region: string;
  /** Where Terraform keeps this stack's state. */
  readonly state: StateConfig;
  /** Directory Terraform runs the stack in, for relative local state paths. */
  readonly workingDirectory: string;
}

/**
 * On-call rotations and contacts, in Incident Manager (the provider pinned to the model's on-call
 * account, assuming its role when it has one) or in PagerDuty (token from PAGERDUTY_TOKEN).
 */
export class OncallStack extends RolecallStack {
  /** Contact channels their owners must activate after apply (Incident Manager only). */
  public readonly channelsToActivate: readonly ChannelToActivate[];

  constructor(scope: Construct, id: string, props: OncallStackProps) {
    super(scope, id);
    const { oncall } = props;
    configureStateBackend(this, props.state, { workingDirectory: props.workingDirectory });
    switch (oncall.backend) {
      case 'aws-incident-manager':
        rolecallAwsProvider(this, { region: props.region, account: oncall.account });
        this.channelsToActivate = new IncidentManagerOncall(this, 'incident-manager', { oncall }).channelsToActivate;
        break;
      case 'pagerduty':
        requireProviderSource(this, 'pagerduty', 'pagerduty/pagerduty');
        new PagerdutyProvider(this, 'pagerduty', {});
        new PagerdutyOncall(this, 'pagerduty-oncall', { oncall });
        this.channelsToActivate = [];
        break;
      default:
        throw new Error(`stack "${id}": no on-call backend ${String((oncall as { backend: unknown }).backend)}`);
    }
  }
}
