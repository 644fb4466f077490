import { TerraformStack } from 'cdktf';
import { liveTemplates } from '../src/constructs/terraform-literal';

/**
 * A stack whose synthesized configuration Terraform can only read, never evaluate: every string the
 * model hands a construct goes through `terraformLiteral`, and this base class checks the result as a
 * whole, so a forgotten call site fails synth instead of writing `${file("…")}` from a pull request
 * into a configuration that CI plans. The only interpolations allowed are the resource references
 * cdktf writes itself.
 */
export class RolecallStack extends TerraformStack {
  override toTerraform(): ReturnType<TerraformStack['toTerraform']> {
    const config: unknown = super.toTerraform();
    const live = liveTemplates(config);
    if (live.length > 0) {
      const first = live[0];
      throw new Error(`stack "${this.node.id}": ${live.length} unescaped Terraform template(s), first at ${first?.path}: ${first?.text}`);
    }
    return config;
  }
}
