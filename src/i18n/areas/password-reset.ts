/** The password reset's strings; merged into the catalogues by ../messages.ts. */
export const passwordResetVi = {
  'passwordReset.link': 'Quên mật khẩu?',
  'passwordReset.title': 'Quên mật khẩu',
  'passwordReset.lead':
    'Nhập email của tài khoản. Chúng tôi sẽ gửi thư có đường dẫn để đặt mật khẩu mới; đường dẫn có hiệu lực trong 30 phút và chỉ dùng được một lần.',
  'passwordReset.submit': 'Gửi thư đặt lại mật khẩu',
  'passwordReset.sent':
    'Nếu email này thuộc một tài khoản người dân của cổng, thư hướng dẫn đặt lại mật khẩu đã được gửi đến. Vui lòng kiểm tra hộp thư.',
  'passwordReset.new.title': 'Đặt mật khẩu mới',
  'passwordReset.new.lead': 'Nhập mật khẩu mới cho tài khoản của bạn (ít nhất 10 ký tự).',
  'passwordReset.new.submit': 'Lưu mật khẩu mới',
  'passwordReset.done': 'Đã đặt mật khẩu mới. Mời bạn đăng nhập.',
  'passwordReset.invalidToken': 'Đường dẫn đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng yêu cầu lại.',
  'passwordReset.mail.subject': 'Đặt lại mật khẩu tài khoản Cổng dịch vụ công',
  'passwordReset.mail.body':
    'Xin chào {name},\n\nCổng dịch vụ công nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Để đặt mật khẩu mới, mở đường dẫn sau:\n\n{url}\n\nĐường dẫn có hiệu lực trong 30 phút và chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
} as const;

export const passwordResetEn: Record<keyof typeof passwordResetVi, string> = {
  'passwordReset.link': 'Forgot your password?',
  'passwordReset.title': 'Forgot your password',
  'passwordReset.lead':
    "Enter your account's email. We will send a mail with a link to set a new password; the link is valid for 30 minutes and works once.",
  'passwordReset.submit': 'Send the reset mail',
  'passwordReset.sent':
    "If this email belongs to a citizen's account of the portal, a mail explaining how to reset the password is on its way. Please check your mailbox.",
  'passwordReset.new.title': 'Set a new password',
  'passwordReset.new.lead': 'Enter a new password for your account (at least 10 characters).',
  'passwordReset.new.submit': 'Save the new password',
  'passwordReset.done': 'Your new password is set. Please sign in.',
  'passwordReset.invalidToken': 'This password reset link is not valid, was already used or has expired. Please ask for a new one.',
  'passwordReset.mail.subject': 'Reset the password of your public-service portal account',
  'passwordReset.mail.body':
    'Hello {name},\n\nThe public-service portal received a request to reset the password of your account. To set a new password, open this link:\n\n{url}\n\nThe link is valid for 30 minutes and works once. If you did not ask for it, ignore this mail: your current password stays as it is.',
};
