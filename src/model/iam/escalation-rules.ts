/**
 * A known way to gain more permissions than granted: holding every one of `actions` lets a principal act
 * with permissions it was not given.
 */
export interface EscalationRule {
  /** The method's name in the source it comes from, e.g. `CreateNewPolicyVersion`. */
  readonly id: string;
  /** Every action the method needs, in AWS's case. */
  readonly actions: readonly string[];
  /**
   * Actions that count only when allowed on a broad resource (`*`, `role/*`, …). `iam:PassRole` scoped to
   * named roles lets the holder use exactly those roles, which the capability chose; on `*` it can pass
   * an administrator role. @default []
   */
  readonly onAnyResource?: readonly string[];
  /**
   * True when allowing the actions only on the holder's own user (a resource containing `${aws:username}`,
   * the usual "manage your own credentials" policy) is not an escalation. @default false
   */
  readonly exceptOwnUser?: boolean;
  /** What the holder can do, in a phrase. */
  readonly why: string;
}

/**
 * Privilege-escalation methods rolecall recognises.
 *
 * Sources:
 * - Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (Spencer Gietzen, 2018): the
 *   21 methods, ids as in their `aws_escalate.py` and Pacu's `iam__privesc_scan`,
 *   https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 * - Bishop Fox, iam-vulnerable (Seth Art), which adds the CodeBuild and SageMaker PassRole paths,
 *   https://github.com/BishopFox/iam-vulnerable
 * - rolecall additions, marked below: passing or assuming any role, lifting a permissions boundary, and
 *   running commands on existing instances (which then act with their instance roles).
 *
 * Rules that need `iam:PassRole` demand it on a broad resource (see {@link EscalationRule.onAnyResource}).
 */
export const ESCALATION_RULES: readonly EscalationRule[] = [
  {
    id: 'CreateNewPolicyVersion',
    actions: ['iam:CreatePolicyVersion'],
    why: 'can publish a new default version of a managed policy with any permissions',
  },
  {
    id: 'SetExistingDefaultPolicyVersion',
    actions: ['iam:SetDefaultPolicyVersion'],
    why: 'can switch a managed policy to an older, more permissive version',
  },
  {
    id: 'CreateEC2WithExistingInstanceProfile',
    actions: ['iam:PassRole', 'ec2:RunInstances'],
    onAnyResource: ['iam:PassRole'],
    why: 'can start an instance with any role and use its credentials',
  },
  {
    id: 'CreateAccessKey',
    actions: ['iam:CreateAccessKey'],
    exceptOwnUser: true,
    why: 'can create access keys for other users and act as them',
  },
  {
    id: 'CreateLoginProfile',
    actions: ['iam:CreateLoginProfile'],
    exceptOwnUser: true,
    why: 'can set a console password for other users and sign in as them',
  },
  {
    id: 'UpdateLoginProfile',
    actions: ['iam:UpdateLoginProfile'],
    exceptOwnUser: true,
    why: "can change other users' console passwords and sign in as them",
  },
  {
    id: 'AttachUserPolicy',
    actions: ['iam:AttachUserPolicy'],
    why: 'can attach any managed policy, such as AdministratorAccess, to a user',
  },
  { id: 'AttachGroupPolicy', actions: ['iam:AttachGroupPolicy'], why: 'can attach any managed policy to a group, including its own' },
  { id: 'AttachRolePolicy', actions: ['iam:AttachRolePolicy'], why: 'can attach any managed policy to a role' },
  { id: 'PutUserPolicy', actions: ['iam:PutUserPolicy'], why: 'can write an inline policy with any permissions into a user' },
  { id: 'PutGroupPolicy', actions: ['iam:PutGroupPolicy'], why: 'can write an inline policy with any permissions into a group' },
  { id: 'PutRolePolicy', actions: ['iam:PutRolePolicy'], why: 'can write an inline policy with any permissions into a role' },
  { id: 'AddUserToGroup', actions: ['iam:AddUserToGroup'], why: 'can join a more privileged group' },
  {
    id: 'UpdateRolePolicyToAssumeIt',
    actions: ['iam:UpdateAssumeRolePolicy'],
    why: "can rewrite a role's trust policy so that it can assume the role",
  },
  {
    id: 'PassExistingRoleToNewLambdaThenInvoke',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run its own code in a Lambda function with any role',
  },
  {
    id: 'PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run its own code in a Lambda function with any role, triggered by an event source',
  },
  {
    id: 'EditExistingLambdaFunctionWithRole',
    actions: ['lambda:UpdateFunctionCode'],
    onAnyResource: ['lambda:UpdateFunctionCode'],
    why: 'can replace the code of any Lambda function and act with its role',
  },
  {
    id: 'PassExistingRoleToNewGlueDevEndpoint',
    actions: ['iam:PassRole', 'glue:CreateDevEndpoint'],
    onAnyResource: ['iam:PassRole'],
    why: 'can open a Glue development endpoint with any role',
  },
  {
    id: 'UpdateExistingGlueDevEndpoint',
    actions: ['glue:UpdateDevEndpoint'],
    onAnyResource: ['glue:UpdateDevEndpoint'],
    why: 'can add its SSH key to any Glue development endpoint and act with its role',
  },
  {
    id: 'PassExistingRoleToCloudFormation',
    actions: ['iam:PassRole', 'cloudformation:CreateStack'],
    onAnyResource: ['iam:PassRole'],
    why: 'can have CloudFormation create resources with any role',
  },
  {
    id: 'PassExistingRoleToNewDataPipeline',
    actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run pipeline activities with any role',
  },
  {
    id: 'CodeBuildCreateProjectPassRole',
    actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run a build with any role',
  },
  {
    id: 'SageMakerCreateNotebookPassRole',
    actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'],
    onAnyResource: ['iam:PassRole'],
    why: 'can open a notebook that runs with any role',
  },
  {
    id: 'SageMakerCreateTrainingJobPassRole',
    actions: ['iam:PassRole', 'sagemaker:CreateTrainingJob'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run a training job container with any role',
  },
  {
    id: 'SageMakerCreateProcessingJobPassRole',
    actions: ['iam:PassRole', 'sagemaker:CreateProcessingJob'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run a processing job container with any role',
  },
  {
    id: 'SageMakerCreatePresignedNotebookURL',
    actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'],
    onAnyResource: ['sagemaker:CreatePresignedNotebookInstanceUrl'],
    why: 'can open any existing notebook and act with its role',
  },
  // rolecall additions
  {
    id: 'PassAnyRole',
    actions: ['iam:PassRole'],
    onAnyResource: ['iam:PassRole'],
    why: 'can hand any role, including an administrator role, to a service it controls',
  },
  {
    id: 'AssumeAnyRole',
    actions: ['sts:AssumeRole'],
    onAnyResource: ['sts:AssumeRole'],
    why: 'can assume every role whose trust policy trusts the account',
  },
  {
    id: 'PassExistingRoleToNewEcsTask',
    actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
    onAnyResource: ['iam:PassRole'],
    why: 'can run a container task with any role',
  },
  {
    id: 'DeleteUserPermissionsBoundary',
    actions: ['iam:DeleteUserPermissionsBoundary'],
    why: 'can remove the permissions boundary that caps a user',
  },
  {
    id: 'DeleteRolePermissionsBoundary',
    actions: ['iam:DeleteRolePermissionsBoundary'],
    why: 'can remove the permissions boundary that caps a role',
  },
  {
    id: 'PutUserPermissionsBoundary',
    actions: ['iam:PutUserPermissionsBoundary'],
    why: "can replace a user's permissions boundary with a looser one",
  },
  {
    id: 'PutRolePermissionsBoundary',
    actions: ['iam:PutRolePermissionsBoundary'],
    why: "can replace a role's permissions boundary with a looser one",
  },
  {
    id: 'SendCommandToAnyInstance',
    actions: ['ssm:SendCommand'],
    onAnyResource: ['ssm:SendCommand'],
    why: 'can run commands on any managed instance and use its instance role',
  },
  {
    id: 'StartSessionOnAnyInstance',
    actions: ['ssm:StartSession'],
    onAnyResource: ['ssm:StartSession'],
    why: 'can open a shell on any managed instance and use its instance role',
  },
  {
    id: 'SendSSHPublicKeyToAnyInstance',
    actions: ['ec2-instance-connect:SendSSHPublicKey'],
    onAnyResource: ['ec2-instance-connect:SendSSHPublicKey'],
    why: 'can log in to any instance over SSH and use its instance role',
  },
];
