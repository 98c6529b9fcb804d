/** Stack entrypoint for `pulumi up`: the program lives in stack/program.ts so tools can run it too. */
import { program } from "./stack/program";

const outputs = program();

export const dataBucketName = outputs.dataBucketName;
export const dataBucketArn = outputs.dataBucketArn;
export const accessLogBucketName = outputs.accessLogBucketName;
export const encryption = outputs.encryption;
export const keyLayout = outputs.keyLayout;
export const writerPrincipalArn = outputs.writerPrincipalArn;
export const writerAccessKeyId = outputs.writerAccessKeyId;
export const writerSecretAccessKey = outputs.writerSecretAccessKey;
export const readerRoleArns = outputs.readerRoleArns;
export const replicaBucketName = outputs.replicaBucketName;
export const replicaBucketArn = outputs.replicaBucketArn;
export const replicaRegion = outputs.replicaRegion;
export const alertTopicArn = outputs.alertTopicArn;
export const trailArn = outputs.trailArn;
export const trailLogBucketName = outputs.trailLogBucketName;
export const analyticsBucketName = outputs.analyticsBucketName;
