# A web tier: an instance, its security group and an artifacts bucket.

variable "ami_id" {
  type = string
}

resource "aws_instance" "web" {
  ami           = var.ami_id
  instance_type = "t3.micro"

  # No root_block_device: the root volume is unencrypted (ebs-encryption).
  vpc_security_group_ids = [aws_security_group.web.id]
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web tier"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH from anywhere (sg-open-ssh)"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "example-web-artifacts"
}

# Versioned in storage.tf, in the same module directory: no s3-versioning finding.
resource "aws_s3_bucket" "releases" {
  bucket = "example-web-releases"
}

resource "aws_s3_bucket_acl" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  acl    = "public-read"
}
