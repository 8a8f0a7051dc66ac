import type Database from 'better-sqlite3';

/**
 * Statements prepared once per text and reused: preparing costs more than running most of the
 * statements a push runs. One cache per database connection, shared by the store and its parts.
 */
export function preparedStatements(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      cache.set(sql, prepared);
    }
    return prepared;
  };
}
