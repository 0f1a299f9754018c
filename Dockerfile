# Comment Desk for production: the built service, its production dependencies, on Node.js 24 LTS
# (the lowest LTS line every package of the lock file accepts). The embedded PostgreSQL is an
# optional dependency, left out here: the image always runs on DATABASE_URL.

# The build: every dependency, then the server (swc) and the widget bundles (esbuild). The Prisma
# client is generated at install (postinstall) into src/generated and compiled with the rest.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json .swcrc ./
RUN npm ci
COPY src ./src
COPY widget ./widget
COPY scripts ./scripts
RUN npm run build

# What the service needs at run time and nothing else: no dev tools, no PostgreSQL binaries. The
# install scripts are for the dev tools (the Prisma CLI) and the embedded server, both left out.
FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./package.json
COPY prisma ./prisma
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The heap limit keeps V8 collecting before an idle instance holds hundreds of MB of garbage; raise
# NODE_HEAP_MB with PAGE_CACHE_MB (see .env.example).
ENV NODE_HEAP_MB=128
CMD ["sh", "-c", "exec node --enable-source-maps --max-old-space-size=$NODE_HEAP_MB --max-semi-space-size=8 dist/main.js"]
