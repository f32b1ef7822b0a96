/**
 * Passwords that lists of leaked passwords rank highest (international and the
 * ones most used in China: 拼音, dates, keyboard rows), lower-case. Refused
 * whatever their length; the demo users' seed passwords are public anyway and
 * bypass the policy only in the local seed.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '87654321', '11111111', '00000000', '88888888', '66666666', '12341234', '11223344',
  '123123123', '147258369', '159357456', '147852369', '741852963', '987654321', '5201314520', '1314520520', '52013145', '13145200',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'iloveyou', 'sunshine', 'princess', 'football',
  'baseball', 'whatever', 'trustno1', 'superman', 'starwars', 'computer', 'michelle', 'jennifer', 'corvette', 'mercedes',
  'qwertyui', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'qazwsxedc', 'qwer1234',
  'abcd1234', 'abc12345', 'abc123456', 'a1234567', 'a12345678', 'aa123456', 'aa112233', 'admin123', 'admin1234', 'administrator',
  'root1234', 'test1234', 'letmein1', 'welcome1', 'changeme', 'woaini1314', 'woaini520', 'woaini123', 'iloveyou1', 'wo123456',
  'zhang123', 'wang1234', 'li123456', 'qq123456', 'q1w2e3r4', 'asd12345', 'zxc12345', 'abcdefgh', 'abcdefg1', 'aaaaaaaa',
  'duban123', 'duban1234', 'dubanadmin',
]);
