export { default } from '@gongzhi/config/eslint';
