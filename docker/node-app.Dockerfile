# One image for the api, the worker and the cli (APP selects the entry point):
# the same compiled dist/ and the TypeScript workflow sources, which the worker
# bundles at start-up (Temporal bundles workflow code itself, with webpack).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund
COPY . .
RUN node tools/bootstrap/build.mjs

FROM node:20-bookworm-slim
ENV NODE_ENV=production TZ=UTC
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/workflows ./workflows
COPY --from=build /app/libs ./libs
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/tsconfig.base.json ./tsconfig.base.json
USER node
ARG APP=api
ENV APP=${APP}
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
