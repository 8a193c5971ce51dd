/** The register's databases: an embedded SQLite file by default, PostgreSQL for shared deployments. */
export type StoreDialect = 'sqlite' | 'postgres';
