// An AWS CDK stack: a bucket, a queue and a function that reads them.
// @ts-nocheck: the samples have no node_modules, so the AWS packages imported here are not installed.
import * as cdk from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as sqs from "aws-cdk-lib/aws-sqs";
import * as lambda from "aws-cdk-lib/aws-lambda";

export class ReportsStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const bucket = new s3.Bucket(this, "Reports", { versioned: true });
    const queue = new sqs.Queue(this, "Jobs", { visibilityTimeout: cdk.Duration.seconds(60) });
    const fn = new lambda.Function(this, "Worker", {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: "index.handler",
      code: lambda.Code.fromAsset("dist"),
    });
    bucket.grantRead(fn);
    queue.grantConsumeMessages(fn);
  }
}
