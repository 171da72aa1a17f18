export { CERT_FILE_NAME, KEY_FILE_NAME, loadOrCreateCertificate, TlsCertificateError, type CertificateOptions, type ServerCertificate } from "./certificate";
export { certificateNames, lanIPv4Addresses } from "./lanAddresses";
