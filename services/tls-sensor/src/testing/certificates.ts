// A fixed leaf certificate (made with openssl by the commands below) and what `openssl x509` says about it.
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 3650 \
//     -subj '/C=DE/O=Netwatch Test Trust/CN=Netwatch Test CA' -utf8
//   openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -utf8 \
//     -subj '/C=DE/ST=Hessen/L=Frankfurt am Main/O=Ex\, Org+OU=Lab/CN=www.exämple.test'
//   openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 400 -out leaf.pem
//   openssl x509 -in leaf.pem -noout -subject -issuer -dates -fingerprint -sha1 -nameopt RFC2253,-esc_msb

export const leafDer = Buffer.from(
  'MIIBtjCCAVsCFCW9tH9vF87nvwLLC8tWp0WT3940MAoGCCqGSM49BAMCMEYxCzAJBgNVBAYTAkRFMRwwGgYDVQQKDBNOZXR3YXRj' +
  'aCBUZXN0IFRydXN0MRkwFwYDVQQDDBBOZXR3YXRjaCBUZXN0IENBMB4XDTI2MTEyMTAxNTgzOVoXDTI3MTIyNjAxNTgzOVowdDEL' +
  'MAkGA1UEBhMCREUxDzANBgNVBAgMBkhlc3NlbjEaMBgGA1UEBwwRRnJhbmtmdXJ0IGFtIE1haW4xHDAKBgNVBAsMA0xhYjAOBgNV' +
  'BAoMB0V4LCBPcmcxGjAYBgNVBAMMEXd3dy5leMOkbXBsZS50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE14odfrm4kdbE' +
  'BYTIwBNXWW428xRgrVK+eqAWSR4b0+z+nNCFmcw3Jei1Mm4MOuU6AR5FeFrUa/Y1omwhZA1TujAKBggqhkjOPQQDAgNJADBGAiEA' +
  '1xTr4ORcYKwn3DIpC+GHRywVO2QYjWy0oYcB4bgcDTUCIQDFIqneDwHVwNgg3QnHIsMkuDTsrMZSI9NSxQTajnKHVg==',
  'base64',
);

/** openssl's answers (RFC2253 names without MSB escaping, dates, SHA-1 of the DER). */
export const leafExpected = {
  subject: 'CN=www.exämple.test,O=Ex\\, Org+OU=Lab,L=Frankfurt am Main,ST=Hessen,C=DE',
  issuer: 'CN=Netwatch Test CA,O=Netwatch Test Trust,C=DE',
  notBefore: '2026-11-21T01:58:39Z',
  notAfter: '2027-12-26T01:58:39Z',
  sha1: '9587ba6440ea60c019f778437dd6fec7a08588b3',
};
