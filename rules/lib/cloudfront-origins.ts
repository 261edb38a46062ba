// Reading CloudFront origins: which are S3 buckets (website endpoints serve HTTP only; REST endpoints need origin
// access), and what to call an origin in a message.
import type { ResourceView, ValueView } from '../api';

/** `<bucket>.s3-website-<region>.amazonaws.com` and `<bucket>.s3-website.<region>.amazonaws.com`. */
const WEBSITE_HOST = /\.s3-website[.-][a-z]{2}(-gov)?-[a-z]+-\d+\.amazonaws\.com(\.cn)?$/i;
/** `<bucket>.s3.amazonaws.com`, `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-<region>.amazonaws.com`. */
const REST_HOST = /\.s3(\.|-)([a-z]{2}(-gov)?-[a-z]+-\d+\.)?amazonaws\.com(\.cn)?$/i;
/** Attributes that give a bucket's website host: CloudFormation `WebsiteURL`, Terraform `website_endpoint`. */
const WEBSITE_ATTRIBUTES = new Set(['WebsiteURL', 'website_endpoint']);
/** Attributes that give a bucket's REST host. */
const REST_ATTRIBUTES = new Set(['DomainName', 'RegionalDomainName', 'bucket_domain_name', 'bucket_regional_domain_name']);
/** Terraform resources whose `website_endpoint` / domain names are a bucket's. */
const TF_BUCKET_TYPES = ['aws_s3_bucket.', 'aws_s3_bucket_website_configuration.', 'data.aws_s3_bucket.'];

/**
 * Whether the origin domain name is an S3 website endpoint (literal host, or derived from the bucket's website
 * attribute), a REST endpoint (literal host, or a bucket's domain-name attribute), or neither. `buckets` are the
 * CloudFormation `AWS::S3::Bucket` resources of the template (Terraform addresses carry their type).
 */
export function s3OriginKind<P extends string>(domainName: ValueView<P>, buckets: readonly ResourceView<P>[]): 'website' | 'rest' | undefined {
  const host = domainName.asString();
  if (host !== undefined) {
    if (WEBSITE_HOST.test(host)) return 'website';
    if (REST_HOST.test(host) && !host.includes('.s3-website')) return 'rest';
    return undefined;
  }
  const isBucket = (name: string) => TF_BUCKET_TYPES.some((t) => name.startsWith(t)) || buckets.some((b) => b.address === name);
  const named = domainName.references().filter((r) => r.attribute !== undefined && isBucket(r.resource));
  if (named.some((r) => WEBSITE_ATTRIBUTES.has(r.attribute as string))) return 'website';
  if (named.some((r) => REST_ATTRIBUTES.has(r.attribute as string))) return 'rest';
  return undefined;
}

/** How messages name an origin: its literal id, else its literal domain, else the resource its id or domain names. */
export function originLabel<P extends string>(id: ValueView<P>, domainName: ValueView<P>): string {
  return id.asString() ?? domainName.asString() ?? [...id.references(), ...domainName.references()][0]?.resource ?? '(unnamed)';
}
