// Initiates replica set rs0 and creates one user per service (mongosh; run by compose's mongo-init and
// Kubernetes' mongodb-init Job, as root on the first member). Safe to run again: it changes nothing twice.
// Environment: MASH_MONGO_MEMBERS (host:port,...), MONGO_ROOT_USERNAME and MONGO_ROOT_PASSWORD (the session's own
// credentials, to reach another primary), MONGO_<SERVICE>_PASSWORD for each user below.
const members = process.env.MASH_MONGO_MEMBERS.split(',');

try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  // The first member is preferred as primary, so this session (connected to it) can write once it is elected.
  rs.initiate({_id: 'rs0', members: members.map((host, i) => ({_id: i, host, priority: i === 0 ? 2 : 1}))});
}
// The users are written on the primary: this member once it is elected, or (run again after a failover) whichever
// member is primary now.
function primaryAdmin() {
  for (let i = 0; i <= 120; i++) {
    const hello = db.hello();
    if (hello.isWritablePrimary) return db.getSiblingDB('admin');
    if (hello.primary) {
      const admin = new Mongo('mongodb://' + hello.primary + '/admin?directConnection=true').getDB('admin');
      admin.auth(required('MONGO_ROOT_USERNAME'), required('MONGO_ROOT_PASSWORD'));
      return admin;
    }
    sleep(1000);
  }
  throw new Error('no primary after 120 s');
}

function required(variable) {
  const value = process.env[variable];
  if (!value) throw new Error(variable + ' is not set');
  return value;
}

const admin = primaryAdmin();

function ensureUser(database, user, pwd, roles) {
  const target = admin.getSiblingDB(database);
  if (target.getUser(user)) {
    target.updateUser(user, {pwd, roles});
  } else {
    target.createUser({user, pwd, roles});
  }
  print('user ' + user + ' in ' + database);
}

// Each service owns one database (its MONGODB_DATABASE) and can touch nothing else.
ensureUser('referral_intake', 'referral-intake', required('MONGO_REFERRAL_INTAKE_PASSWORD'),
    [{role: 'readWrite', db: 'referral_intake'}]);
ensureUser('triage', 'triage-service', required('MONGO_TRIAGE_PASSWORD'), [{role: 'readWrite', db: 'triage'}]);
ensureUser('cases', 'case-service', required('MONGO_CASES_PASSWORD'), [{role: 'readWrite', db: 'cases'}]);
ensureUser('notification', 'notification-service', required('MONGO_NOTIFICATION_PASSWORD'),
    [{role: 'readWrite', db: 'notification'}]);
// Debezium reads the producing services' outbox change streams (and the cluster's, to follow the set).
ensureUser('admin', 'debezium', required('MONGO_DEBEZIUM_PASSWORD'),
    [{role: 'read', db: 'referral_intake'}, {role: 'read', db: 'triage'}, {role: 'read', db: 'cases'},
     {role: 'readAnyDatabase', db: 'admin'}, {role: 'clusterMonitor', db: 'admin'}]);
