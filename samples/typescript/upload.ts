// Uploads a report to Amazon S3 and announces it on an SNS topic (AWS SDK for JavaScript v3).
// @ts-nocheck: the samples have no node_modules, so the AWS packages imported here are not installed.
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

const s3 = new S3Client({ region: "us-east-1" });
const sns = new SNSClient({ region: "us-east-1" });
export const ddb = new DynamoDBClient({});

const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:reports";

export async function publishReport(name: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: "reports", Key: name, Body: body }));
  await sns.send(new PublishCommand({ TopicArn: TOPIC_ARN, Message: `Report ${name} is ready` }));
}

// Local endpoint used by integration tests: http://localhost:4566
