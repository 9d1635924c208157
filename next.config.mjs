/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/compiled server modules stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // Konnektive-style API paths end in "/": answer them directly instead of redirecting.
  skipTrailingSlashRedirect: true,
  // Keep builds self-contained on a machine with no network.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
