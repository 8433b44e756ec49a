#!/bin/sh
# make-test-pki.sh DIR: a test CA and the certificates the signing tests use, made fresh in
# DIR (nothing is kept in the source tree):
#   ca.pem                 the test CA ("Kế hoạch Test CA")
#   signer.p12             the principal, Nguyễn Văn A (digitalSignature, nonRepudiation)
#   agency.p12             the agency, Trường THCS Kim Đồng
#   expired.p12            a certificate that expired in 2021
#   no-signing.p12         a certificate for key encipherment only
#   tokens/ softhsm2.conf  a SoftHSM2 token "KeHoachTest" (user PIN 123456) holding the
#                          principal's key and certificate under the label "signer"
#   nssdb-trusted/         an NSS database in which the test CA is a trusted root
#   nssdb-empty/           an NSS database without it
#   nssdb-keys/            an NSS database (password 123456) holding the principal's and the
#                          agency's keys and certificates, nicknames "signer" and "agency", the
#                          test CA trusted, and the SoftHSM2 token's module registered
#                          (modutil): its certificate is "KeHoachTest:signer" there
# Every .p12 has the password 123456. Tools: certtool (gnutls-bin), softhsm2-util and
# p11tool (softhsm2, gnutls-bin), openssl, certutil, pk12util and modutil (libnss3-tools).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

dir=$1
mkdir -p "$dir"
cd "$dir"

cat > ca.tmpl <<TMPL
cn = "Kế hoạch Test CA"
organization = "Kế hoạch tests"
ca
cert_signing_key
crl_signing_key
expiration_days = 3650
TMPL
certtool --generate-privkey --key-type=rsa --bits=2048 --outfile ca.key 2>/dev/null
certtool --generate-self-signed --load-privkey ca.key --template ca.tmpl --outfile ca.pem 2>/dev/null

# name, common name, key usage lines, validity lines
issue () {
  printf 'cn = "%s"\norganization = "Kế hoạch tests"\nserial = %s\n%b\n' "$2" "$3" "$4" > "$1.tmpl"
  certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$1.key" 2>/dev/null
  certtool --generate-certificate --load-privkey "$1.key" --load-ca-certificate ca.pem \
    --load-ca-privkey ca.key --template "$1.tmpl" --outfile "$1.pem" 2>/dev/null
  certtool --to-p12 --load-privkey "$1.key" --load-certificate "$1.pem" \
    --load-ca-certificate ca.pem --p12-name "$1" --password 123456 --outder \
    --outfile "$1.p12" 2>/dev/null
}

issue signer "Nguyễn Văn A" 11 'signing_key\nexpiration_days = 365'
issue agency "Trường THCS Kim Đồng" 12 'signing_key\nexpiration_days = 365'
issue expired "Nguyễn Văn Cũ" 13 'signing_key\nactivation_date = "2020-01-01 00:00:00 UTC"\nexpiration_date = "2021-01-01 00:00:00 UTC"'
issue no-signing "Nguyễn Văn Mã" 14 'encryption_key\nexpiration_days = 365'

# The token
mkdir -p tokens
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$PWD" > softhsm2.conf
export SOFTHSM2_CONF="$PWD/softhsm2.conf"
softhsm2-util --init-token --free --label KeHoachTest --pin 123456 --so-pin 654321 >/dev/null
openssl pkcs8 -topk8 -nocrypt -in signer.key -out signer.p8
softhsm2-util --import signer.p8 --token KeHoachTest --label signer --id 01 --pin 123456 >/dev/null
GNUTLS_PIN=123456 p11tool --login --write --load-certificate signer.pem --label signer \
  --id 01 "pkcs11:token=KeHoachTest" >/dev/null 2>&1

# Trust
mkdir -p nssdb-trusted nssdb-empty
certutil -N -d sql:nssdb-trusted --empty-password
certutil -N -d sql:nssdb-empty --empty-password
certutil -A -d sql:nssdb-trusted -n "Ke hoach Test CA" -t "CT,C,C" -i ca.pem

# Keys in an NSS database, and a token registered in it
printf '123456\n' > nss-password
mkdir -p nssdb-keys
certutil -N -d sql:nssdb-keys -f nss-password
pk12util -i signer.p12 -d sql:nssdb-keys -k nss-password -W 123456 >/dev/null
pk12util -i agency.p12 -d sql:nssdb-keys -k nss-password -W 123456 >/dev/null
certutil -M -d sql:nssdb-keys -n "Kế hoạch Test CA - Kế hoạch tests" -t "CT,C,C" -f nss-password
for softhsm in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so; do
  if [ -f "$softhsm" ]; then
    modutil -dbdir sql:nssdb-keys -add KeHoachTestHSM -libfile "$softhsm" -force >/dev/null
    break
  fi
done
