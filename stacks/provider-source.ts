import type { TerraformStack } from 'cdktf';

/**
 * Writes a provider's fully qualified source into the stack's `required_providers`. The prebuilt
 * bindings name some providers short (`aws`, which Terraform reads as `hashicorp/aws`) or in display
 * case (`PagerDuty/pagerduty`); spelling every source out keeps lock files and mirrors unambiguous.
 */
export function requireProviderSource(stack: TerraformStack, name: string, source: string): void {
  stack.addOverride(`terraform.required_providers.${name}.source`, source);
}
