import { passwordRuleViolation } from './user-rules';

describe('password policy', () => {
  it.each(['12345678', '123456789', 'password', 'Password1', 'admin123', 'qwertyuiop', 'woaini1314', 'aaaaaaaa', 'abcdefgh', '87654321', 'zyxwvuts'])('refuses the common or simple %s', (password) => {
    expect(passwordRuleViolation(password, 'someone')).toMatch(/too common or too simple/);
  });

  it('refuses short passwords and the username', () => {
    expect(passwordRuleViolation('short', 'someone')).toMatch(/8–128 characters/);
    expect(passwordRuleViolation('Someone-Here', 'someone-here')).toMatch(/differ from the username/);
  });

  it.each(['staff-password-1', 'correct horse battery', '督办系统2027年度考核', 'right-password', 'Ab3$kq9!'])('accepts %s', (password) => {
    expect(passwordRuleViolation(password, 'someone')).toBeNull();
  });
});
