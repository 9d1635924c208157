import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { verifyCredentials } from "./verify-credentials";
import { clientIpFromHeaders } from "./client-ip";
import { endSessionsIfCurrent } from "./session-version";
import { log } from "@/lib/log/logger.mjs";

ensureAppSecrets();

declare module "next-auth" {
  // Module augmentation needs interfaces: the session version travels from sign-in into the cookie.
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an answer to the user, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      // Auth.js's class names are minified in a build; its `type` (MissingCSRF, …) is the stable one.
      log.error({ err: error }, `Auth.js: ${(error as { type?: string }).type ?? error.name}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) throw new SignInRefused("invalid");
        const result = await verifyCredentials(getDb(), { email, password, ip: clientIpFromHeaders(request.headers) });
        if (!result.ok) {
          throw new SignInRefused(result.reason === "throttled" ? `throttled:${result.throttle}:${result.retryAfterSeconds}` : result.reason);
        }
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const userId = Number(token?.uid);
      if (Number.isInteger(userId) && userId > 0 && typeof token?.sv === "number") await endSessionsIfCurrent(getDb(), userId, token.sv);
    },
  },
});
