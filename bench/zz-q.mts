import Database from 'better-sqlite3';
const db = new Database(`${process.argv[2]}/larder.sqlite`, { readonly: true });
console.log(JSON.stringify(db.prepare("select max(seq) m, count(*) c from docs").get()));
console.log(JSON.stringify(db.prepare("select seq, id, substr(body, 1, 300) b from docs where seq between 62895 and 62910").all(), null, 0).slice(0, 4000));
